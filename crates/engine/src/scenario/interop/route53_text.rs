//! TXT values as Route 53 writes and reads them. Route 53's text is
//! the zone file's presentation text with one difference: a backslash and three digits is an
//! **octal** code (Route 53 writes octets 0–32 and 127–255 that way, `é` as `\303\251`),
//! where RFC 1035's `\DDD`, which the document and zone files use, is decimal. `\"` and `\\`
//! mean the same in both.

/// A backslash and three digits in Route 53's text that are not an octal code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "\\{digits} is not an octal code: Route 53 writes special characters in a text value as \\ and three octal digits (000 to 377), such as \\303\\251 for é"
)]
pub struct OctalCodeError {
    pub digits: String,
}

/// Route 53's text with its octal escapes rewritten as the zone file's decimal ones.
pub fn octal_to_decimal(text: &str) -> Result<String, OctalCodeError> {
    rewrite_codes(text, |d| {
        u32::from_str_radix(d, 8)
            .ok()
            .filter(|v| *v <= 0o377)
            .map(|value| Some(format!("\\{value:03}")))
            .ok_or_else(|| OctalCodeError {
                digits: d.to_string(),
            })
    })
}

/// The zone file's text with its decimal escapes rewritten as Route 53's octal ones.
pub fn decimal_to_octal(text: &str) -> String {
    let Ok(text) = rewrite_codes(text, |d| {
        Ok::<_, std::convert::Infallible>(
            d.parse::<u32>()
                .ok()
                .filter(|v| *v <= 255)
                .map(|v| format!("\\{v:03o}")),
        )
    });
    text
}

/// Copies `text`, giving each backslash followed by three digits to `code`: its answer
/// replaces the four characters, `None` keeps them. Any other escape (`\"`, `\\`) is copied
/// as it is, so an escaped backslash is never read as the start of a code.
fn rewrite_codes<E>(
    text: &str,
    code: impl Fn(&str) -> Result<Option<String>, E>,
) -> Result<String, E> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let rest = chars.as_str();
        let digits = rest
            .get(..3)
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit()));
        if let Some(d) = digits
            && let Some(replacement) = code(d)?
        {
            out.push_str(&replacement);
            chars = rest[3..].chars();
            continue;
        }
        out.push('\\');
        if let Some(next) = chars.next() {
            out.push(next);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn octal_codes_become_decimal_and_back() {
        let cases = [
            (r#""caf\303\251""#, r#""caf\195\169""#),
            (r#""a\000b""#, r#""a\000b""#),
            (r#""\377""#, r#""\255""#),
            (r#""say \"hi\" \\ there""#, r#""say \"hi\" \\ there""#),
            (r#""\\303""#, r#""\\303""#),
            ("plain", "plain"),
        ];
        for (route53, zone_file) in cases {
            assert_eq!(octal_to_decimal(route53).unwrap(), zone_file, "{route53}");
            assert_eq!(decimal_to_octal(zone_file), route53, "{zone_file}");
        }
    }

    #[test]
    fn digits_that_are_not_octal_are_refused() {
        for bad in [r#""\195""#, r#""\400""#, r#""x\089""#] {
            let err = octal_to_decimal(bad).unwrap_err();
            assert!(
                err.to_string().contains("is not an octal code"),
                "{bad}: {err}"
            );
        }
    }
}
