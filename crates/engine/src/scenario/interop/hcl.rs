//! A small HCL writer whose output is already as `terraform fmt` leaves it, and a checker of
//! those rules for any text.
//!
//! The rules (Terraform's style conventions, and what `terraform fmt` 1.x does, which is
//! hclwrite's formatter): two spaces of indentation per level of `{`, `[` or `(`; within a
//! run of consecutive lines that are each a whole single-line argument (`name = value`), the
//! `=` signs line up one space after the longest name; a line that opens a multi-line value
//! (`records = [`), a comment, a blank line, a nested block or a line inside a multi-line
//! value ends the run; no trailing spaces or tabs; at most one blank line in a row; the file
//! ends with one newline; top-level blocks are separated by a blank line.

/// One piece of a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Item {
    /// `name = value` on one line.
    Attr(String, String),
    /// A block or a multi-line value: the opening line (`resource "a" "b" {`,
    /// `records = [`), what is inside (indented one level more), the closing line.
    Open {
        head: String,
        body: Vec<Item>,
        close: String,
    },
    /// A line written as is (a list element, a `for` expression's head).
    Line(String),
    /// `# text`.
    Comment(String),
    Blank,
}

impl Item {
    pub fn attr(name: &str, value: impl Into<String>) -> Self {
        Item::Attr(name.to_string(), value.into())
    }

    /// A block: `head {` ... `}`.
    pub fn block(head: impl Into<String>, body: Vec<Item>) -> Self {
        Item::Open {
            head: format!("{} {{", head.into()),
            body,
            close: "}".into(),
        }
    }
}

/// Writes top-level items (blocks separated by [`Item::Blank`] as the caller places them).
pub(super) fn render(items: &[Item]) -> String {
    let mut out = String::new();
    write_items(items, 0, &mut out);
    out
}

fn write_items(items: &[Item], depth: usize, out: &mut String) {
    let indent = "  ".repeat(depth);
    let mut i = 0;
    while i < items.len() {
        if let Item::Attr(..) = &items[i] {
            let run_end = items[i..]
                .iter()
                .position(|it| !matches!(it, Item::Attr(..)))
                .map_or(items.len(), |p| i + p);
            let width = items[i..run_end]
                .iter()
                .map(|it| match it {
                    Item::Attr(name, _) => name.len(),
                    _ => 0,
                })
                .max()
                .unwrap_or(0);
            for it in &items[i..run_end] {
                if let Item::Attr(name, value) = it {
                    out.push_str(&format!("{indent}{name:<width$} = {value}\n"));
                }
            }
            i = run_end;
            continue;
        }
        match &items[i] {
            Item::Open { head, body, close } => {
                out.push_str(&format!("{indent}{head}\n"));
                write_items(body, depth + 1, out);
                out.push_str(&format!("{indent}{close}\n"));
            }
            Item::Line(text) => out.push_str(&format!("{indent}{text}\n")),
            Item::Comment(text) if text.is_empty() => out.push_str(&format!("{indent}#\n")),
            Item::Comment(text) => out.push_str(&format!("{indent}# {text}\n")),
            Item::Blank => out.push('\n'),
            Item::Attr(..) => unreachable!("handled above"),
        }
        i += 1;
    }
}

/// A quoted HCL string: `"`, `\` and newlines escaped, and `${` / `%{` doubled so they stay
/// literal text instead of starting a template.
pub(super) fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A one-line list of HCL strings.
pub(super) fn string_list<S: AsRef<str>>(items: &[S]) -> String {
    let parts: Vec<String> = items.iter().map(|s| string(s.as_ref())).collect();
    format!("[{}]", parts.join(", "))
}

/// How a line's brackets change the depth, ignoring strings and comments: the net change,
/// and whether the line starts by closing one.
fn brackets(line: &str) -> (i32, bool) {
    let mut net = 0;
    let mut in_string = false;
    let mut chars = line.trim_start().chars().peekable();
    let starts_closing = matches!(line.trim_start().chars().next(), Some('}' | ']' | ')'));
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '#' => break,
            '/' if chars.peek() == Some(&'/') => break,
            '{' | '[' | '(' => net += 1,
            '}' | ']' | ')' => net -= 1,
            _ => {}
        }
    }
    (net, starts_closing)
}

/// The column of the `=` of a whole single-line argument (`name = value`), if the line is one.
fn argument_equals(line: &str) -> Option<(usize, usize)> {
    let body = line.trim_start();
    let name_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(body.len());
    if name_len == 0 {
        return None;
    }
    let rest = &body[name_len..];
    let eq = rest.find('=')?;
    if !rest[..eq].chars().all(|c| c == ' ') || rest[eq + 1..].starts_with(['=', '>']) {
        return None;
    }
    if brackets(line).0 != 0 {
        return None;
    }
    let indent = line.len() - body.len();
    Some((indent + name_len, indent + name_len + eq))
}

/// The first rule of `terraform fmt` that a text breaks; `line` counts from 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TerraformFmtError {
    #[error("the text must end with exactly one newline")]
    FinalNewline,
    #[error(
        "line {line}: the = is at column {column} but the arguments around it put it at column {expected}: {text:?}"
    )]
    Misaligned {
        line: usize,
        column: usize,
        expected: usize,
        text: String,
    },
    #[error("line {line}: a tab; indent with spaces")]
    Tab { line: usize },
    #[error("line {line}: trailing spaces")]
    TrailingSpaces { line: usize },
    #[error("line {line}: two blank lines in a row")]
    TwoBlankLines { line: usize },
    #[error("line {line}: indented {indent} spaces where {expected} are expected: {text:?}")]
    Indent {
        line: usize,
        indent: usize,
        expected: i32,
        text: String,
    },
    #[error("line {line}: top-level blocks are separated by a blank line")]
    BlocksTogether { line: usize },
    #[error("line {line}: one space after the =")]
    SpaceAfterEquals { line: usize },
    #[error("line {line}: a bracket closes that was never opened")]
    NeverOpened { line: usize },
    #[error("a bracket is never closed")]
    NeverClosed,
}

/// Checks `text` against the rules above; the error names the first line that breaks one.
pub fn check_terraform_fmt(text: &str) -> Result<(), TerraformFmtError> {
    use TerraformFmtError as E;
    if !text.ends_with('\n') || text.ends_with("\n\n") {
        return Err(E::FinalNewline);
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut depth: i32 = 0;
    let mut chain: Vec<(usize, usize, usize)> = Vec::new(); // (line index, name end, = column)
    let close_chain = |chain: &mut Vec<(usize, usize, usize)>| -> Result<(), TerraformFmtError> {
        if let Some(longest) = chain.iter().map(|c| c.1).max() {
            for &(i, _, eq) in chain.iter() {
                if eq != longest + 1 {
                    return Err(E::Misaligned {
                        line: i + 1,
                        column: eq + 1,
                        expected: longest + 2,
                        text: lines[i].to_string(),
                    });
                }
            }
        }
        chain.clear();
        Ok(())
    };
    for (i, line) in lines.iter().enumerate() {
        if line.contains('\t') {
            return Err(E::Tab { line: i + 1 });
        }
        if line.ends_with(' ') {
            return Err(E::TrailingSpaces { line: i + 1 });
        }
        if line.is_empty() {
            if i > 0 && lines[i - 1].is_empty() {
                return Err(E::TwoBlankLines { line: i + 1 });
            }
            close_chain(&mut chain)?;
            continue;
        }
        let (net, starts_closing) = brackets(line);
        let level = if starts_closing { depth - 1 } else { depth };
        let indent = line.len() - line.trim_start().len();
        if indent as i32 != 2 * level {
            return Err(E::Indent {
                line: i + 1,
                indent,
                expected: 2 * level,
                text: line.to_string(),
            });
        }
        if depth == 0 && i > 0 && !lines[i - 1].is_empty() && lines[i - 1] == "}" {
            return Err(E::BlocksTogether { line: i + 1 });
        }
        match argument_equals(line) {
            Some((name_end, eq)) => {
                if !line[eq + 1..].starts_with(' ') || line[eq + 1..].starts_with("  ") {
                    return Err(E::SpaceAfterEquals { line: i + 1 });
                }
                chain.push((i, name_end, eq));
            }
            None => close_chain(&mut chain)?,
        }
        depth += net;
        if depth < 0 {
            return Err(E::NeverOpened { line: i + 1 });
        }
    }
    close_chain(&mut chain)?;
    if depth != 0 {
        return Err(E::NeverClosed);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_arguments_align_and_openers_break_them() {
        let items = [Item::block(
            "resource \"aws_route53_record\" \"api\"",
            vec![
                Item::attr("name", "\"x\""),
                Item::Open {
                    head: "for_each = {".into(),
                    body: vec![Item::attr("a", "1")],
                    close: "}".into(),
                },
                Item::attr("zone_id", "1"),
                Item::attr("ttl", "300"),
                Item::Blank,
                Item::attr("records", "[]"),
            ],
        )];
        let text = render(&items);
        assert_eq!(
            text,
            "resource \"aws_route53_record\" \"api\" {\n  name = \"x\"\n  for_each = {\n    a = 1\n  }\n  zone_id = 1\n  ttl     = 300\n\n  records = []\n}\n"
        );
        assert_eq!(check_terraform_fmt(&text), Ok(()));
    }

    #[test]
    fn the_checker_finds_each_broken_rule() {
        assert_eq!(
            check_terraform_fmt("a {\n  name = 1\n  zone_id = 2\n}\n")
                .unwrap_err()
                .to_string(),
            "line 2: the = is at column 8 but the arguments around it put it at column 11: \"  name = 1\""
        );
        assert_eq!(
            check_terraform_fmt("a {\n   b = 1\n}\n")
                .unwrap_err()
                .to_string(),
            "line 2: indented 3 spaces where 2 are expected: \"   b = 1\""
        );
        assert_eq!(
            check_terraform_fmt("a {\n}\nb {\n}\n").unwrap_err(),
            TerraformFmtError::BlocksTogether { line: 3 }
        );
        assert_eq!(
            check_terraform_fmt("a {\n\n\n}\n").unwrap_err(),
            TerraformFmtError::TwoBlankLines { line: 3 }
        );
        assert_eq!(
            check_terraform_fmt("a {\n  b =  1\n}\n").unwrap_err(),
            TerraformFmtError::SpaceAfterEquals { line: 2 }
        );
        assert!(check_terraform_fmt("a {\n  b = \"{[\"\n}\n").is_ok());
        assert_eq!(
            check_terraform_fmt("a {\n").unwrap_err(),
            TerraformFmtError::NeverClosed
        );
    }

    #[test]
    fn strings_escape_templates() {
        assert_eq!(string("a\"b\\c${x}%{y}$z"), "\"a\\\"b\\\\c$${x}%%{y}$z\"");
    }
}
