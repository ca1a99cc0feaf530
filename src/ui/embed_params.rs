//! The embed mode's address: the parameters read from `location.search` (`?embed=1&panel=…`),
//! the address and the `<iframe>` code the share dialog offers, and the percent-encoding
//! they use. Pure, tested natively; the embed itself is `views::embed`.

/// The panels an embed can show. Panels built elsewhere (trace, dig console, ACM) are named
/// here so their URLs are stable; `Embed` renders those it has and says so for the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmbedPanel {
    #[default]
    Diagram,
    Records,
    Trace,
    Dig,
    Acm,
}

impl EmbedPanel {
    /// Every panel, in the order the Share dialog offers them.
    pub const ALL: [Self; 5] = [
        Self::Diagram,
        Self::Records,
        Self::Trace,
        Self::Dig,
        Self::Acm,
    ];

    /// The `panel=` value.
    pub fn id(self) -> &'static str {
        match self {
            Self::Diagram => "diagram",
            Self::Records => "records",
            Self::Trace => "trace",
            Self::Dig => "dig",
            Self::Acm => "acm",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Diagram => "Delegation hierarchy",
            Self::Records => "Records of the selected zone",
            Self::Trace => "Resolution, step by step",
            Self::Dig => "dig console",
            Self::Acm => "Certificates (ACM)",
        }
    }

    /// A frame height that shows the panel without scrolling, for the embed code.
    pub fn height(self) -> u32 {
        match self {
            Self::Diagram => 560,
            Self::Records => 560,
            Self::Trace | Self::Dig => 820,
            Self::Acm => 900,
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Some(match id {
            "diagram" => Self::Diagram,
            "records" => Self::Records,
            "trace" => Self::Trace,
            "dig" => Self::Dig,
            "acm" => Self::Acm,
            _ => return None,
        })
    }
}

/// Light or dark, forced by the embedding page (otherwise the reader's preference).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

/// The embed mode's URL parameters (`?embed=1&preset=quiz&panel=diagram&...`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedParams {
    pub preset: Option<String>,
    pub panel: EmbedPanel,
    pub query: Option<String>,
    pub autoplay: bool,
    pub readonly: bool,
    pub theme: Option<Theme>,
}

/// Reads `location.search`: `None` unless `embed=1` (or `embed=true`). Unknown values are
/// ignored (an embed shows its defaults rather than nothing).
pub fn embed_params(search: &str) -> Option<EmbedParams> {
    let pairs: Vec<(String, String)> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect();
    let get = |key: &str| {
        pairs
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let yes = |key: &str| matches!(get(key), Some("1" | "true" | "yes"));
    if !yes("embed") {
        return None;
    }
    Some(EmbedParams {
        preset: get("preset").filter(|p| !p.is_empty()).map(String::from),
        panel: get("panel")
            .and_then(EmbedPanel::from_id)
            .unwrap_or_default(),
        query: get("query")
            .or_else(|| get("q"))
            .filter(|q| !q.is_empty())
            .map(String::from),
        autoplay: yes("autoplay"),
        readonly: yes("readonly"),
        theme: match get("theme") {
            Some("light") => Some(Theme::Light),
            Some("dark") => Some(Theme::Dark),
            _ => None,
        },
    })
}

/// The address of an embed of the app at `page` (its address; any query or fragment is
/// dropped) with these parameters, the scenario and its view carried by a share link's
/// `fragment` (`#s1.…`; the embed prefers it to a preset). `embed_params` reads it back.
pub fn embed_url(page: &str, params: &EmbedParams, fragment: &str) -> String {
    let base = page.split(['?', '#']).next().unwrap_or_default();
    let mut url = format!("{base}?embed=1&panel={}", params.panel.id());
    if let Some(preset) = &params.preset {
        url.push_str(&format!("&preset={}", percent_encode(preset)));
    }
    if let Some(query) = &params.query {
        url.push_str(&format!("&q={}", percent_encode(query)));
    }
    if params.autoplay {
        url.push_str("&autoplay=1");
    }
    if params.readonly {
        url.push_str("&readonly=1");
    }
    match params.theme {
        Some(Theme::Light) => url.push_str("&theme=light"),
        Some(Theme::Dark) => url.push_str("&theme=dark"),
        None => {}
    }
    url.push_str(fragment);
    url
}

/// The `<iframe>` a page embeds `url` with, titled after the scenario, sized for `panel`.
pub fn embed_snippet(url: &str, scenario_title: &str, panel: EmbedPanel) -> String {
    let attr = |text: &str| {
        text.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    format!(
        "<iframe src=\"{}\" title=\"Delegation Lab: {}\" width=\"900\" height=\"{}\" loading=\"lazy\"></iframe>",
        attr(url),
        attr(scenario_title),
        panel.height()
    )
}

/// Escapes every byte but the unreserved ones (`A-Z a-z 0-9 - _ . ~`) as `%XX`.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` (a space in a query string); invalid escapes stay as typed.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_parameters_are_read_from_the_query_string() {
        assert_eq!(embed_params("?preset=quiz"), None);
        assert_eq!(
            embed_params(
                "?embed=1&preset=quiz&panel=trace&query=A%20api.example.com&autoplay=1&readonly=1&theme=dark"
            ),
            Some(EmbedParams {
                preset: Some("quiz".into()),
                panel: EmbedPanel::Trace,
                query: Some("A api.example.com".into()),
                autoplay: true,
                readonly: true,
                theme: Some(Theme::Dark),
            })
        );
        assert_eq!(
            embed_params("?embed=1&panel=nope&theme=pink"),
            Some(EmbedParams::default())
        );
    }

    #[test]
    fn an_embed_url_reads_back_as_its_parameters() {
        let params = EmbedParams {
            preset: Some("quiz".into()),
            panel: EmbedPanel::Trace,
            query: Some("dig +trace www.api.example.com A".into()),
            autoplay: true,
            readonly: true,
            theme: Some(Theme::Dark),
        };
        let url = embed_url("https://docs.example/lab/?old=1#s1.old", &params, "#s1.abc");
        assert_eq!(
            url,
            "https://docs.example/lab/?embed=1&panel=trace&preset=quiz\
             &q=dig%20%2Btrace%20www.api.example.com%20A&autoplay=1&readonly=1&theme=dark#s1.abc"
        );
        let search = &url[url.find('?').unwrap()..url.find('#').unwrap()];
        assert_eq!(embed_params(search), Some(params));
        for panel in EmbedPanel::ALL {
            let p = EmbedParams {
                panel,
                ..EmbedParams::default()
            };
            let url = embed_url("/lab/", &p, "");
            assert_eq!(embed_params(&url["/lab/".len()..]), Some(p));
        }
    }

    #[test]
    fn the_embed_code_escapes_its_attributes() {
        assert_eq!(
            embed_snippet(
                "/lab/?embed=1&panel=acm#s1.x",
                "A \"quoted\" <title>",
                EmbedPanel::Acm
            ),
            "<iframe src=\"/lab/?embed=1&amp;panel=acm#s1.x\" title=\"Delegation Lab: A &quot;quoted&quot; &lt;title&gt;\" \
             width=\"900\" height=\"900\" loading=\"lazy\"></iframe>"
        );
    }

    #[test]
    fn percent_decoding_keeps_bad_escapes() {
        assert_eq!(percent_decode("a+b%2Fc%zz%4"), "a b/c%zz%4");
    }
}
