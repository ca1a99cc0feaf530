//! Terraform names for what the export writes: resource names from DNS names
//! (`api.example.com` → `api_example_com`, `*` → `wildcard`), provider aliases from account
//! labels (`Account B (api team)` → `account_b_api_team`), each unique in its kind.

use std::collections::BTreeSet;

/// Names already given, for one kind of thing (resources of one type, provider aliases).
#[derive(Debug, Default)]
pub(super) struct Names {
    used: BTreeSet<String>,
}

impl Names {
    /// `base` made an identifier, with `_2`, `_3` … when it was given already.
    pub fn unique(&mut self, base: &str) -> String {
        let base = ident(base);
        let mut name = base.clone();
        let mut n = 2;
        while self.used.contains(&name) {
            name = format!("{base}_{n}");
            n += 1;
        }
        self.used.insert(name.clone());
        name
    }
}

/// An identifier: lower-case letters, digits, `_` and `-`, starting with a letter or `_`.
pub(super) fn ident(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim_end_matches('.').chars() {
        let c = c.to_ascii_lowercase();
        match c {
            '*' => out.push_str("wildcard"),
            c if c.is_ascii_alphanumeric() || c == '-' => out.push(c),
            _ => {
                if !out.is_empty() && !out.ends_with('_') || out.is_empty() && c == '_' {
                    out.push('_');
                }
            }
        }
    }
    let out = out.trim_end_matches('_').to_string();
    match out.chars().next() {
        None => "unnamed".into(),
        Some(c) if c.is_ascii_digit() || c == '-' => format!("n{out}"),
        _ => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_from_names_and_labels() {
        assert_eq!(ident("api.example.com."), "api_example_com");
        assert_eq!(ident("*.api.example.com"), "wildcard_api_example_com");
        assert_eq!(ident("_abc123.api.example.com."), "_abc123_api_example_com");
        assert_eq!(ident("Account B (api team)"), "account_b_api_team");
        assert_eq!(ident("1password.com"), "n1password_com");
        assert_eq!(ident("()"), "unnamed");
        let mut names = Names::default();
        assert_eq!(names.unique("example.com"), "example_com");
        assert_eq!(names.unique("example_com"), "example_com_2");
        assert_eq!(names.unique("example.com."), "example_com_3");
    }
}
