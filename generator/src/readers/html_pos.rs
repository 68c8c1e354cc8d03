//! Source positions of parsed HTML elements. scraper (html5ever) keeps none, so the start
//! tags are found in the source text and matched, in document order, against the parsed
//! tree. Elements the parser invented (`html`, `tbody`) take the position of the next
//! real tag; tags the parser dropped are skipped by looking a few tags ahead.

use ego_tree::NodeId;
use once_cell::sync::Lazy;
use regex::Regex;
use scraper::{Html, Node};
use std::collections::HashMap;

static START_TAG: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"<([A-Za-z][A-Za-z0-9-]*)").expect("constant regex"));
static NOT_MARKUP: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?is)<!--.*?-->|<script\b.*?</script>|<style\b.*?</style>")
        .expect("constant regex")
});

/// How far ahead a parsed element may find its tag before we assume the parser invented it.
const LOOKAHEAD: usize = 8;

/// Byte offset (within the parsed source) of each element's start tag.
pub fn element_positions(source: &str, html: &Html) -> HashMap<NodeId, usize> {
    let tags = start_tags(source);
    let mut next = 0;
    let mut positions = HashMap::new();
    for node in html.tree.root().descendants() {
        let Node::Element(element) = node.value() else {
            continue;
        };
        let name = element.name();
        let found = tags
            .iter()
            .enumerate()
            .skip(next)
            .take(LOOKAHEAD)
            .find(|(_, (_, tag))| tag.eq_ignore_ascii_case(name));
        let at = match found {
            Some((k, (pos, _))) => {
                next = k + 1;
                *pos
            }
            None => tags.get(next).or(tags.last()).map_or(0, |(pos, _)| *pos),
        };
        positions.insert(node.id(), at);
    }
    positions
}

/// Start tags in source order, ignoring comments and script/style bodies.
fn start_tags(source: &str) -> Vec<(usize, &str)> {
    let hidden: Vec<(usize, usize)> = NOT_MARKUP
        .find_iter(source)
        .map(|m| (m.start(), m.end()))
        .collect();
    START_TAG
        .captures_iter(source)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let inside = hidden
                .iter()
                .any(|&(s, e)| whole.start() > s && whole.start() < e);
            (!inside).then(|| (whole.start(), c.get(1).map_or("", |m| m.as_str())))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Selector;

    #[test]
    fn finds_real_tags_and_places_invented_ones_at_the_next_tag() {
        let src = "<table>\n<!-- <tr> -->\n<tr><td>a</td></tr>\n<TR><td>b</td></TR>\n</table>";
        let html = Html::parse_fragment(src);
        let pos = element_positions(src, &html);
        let sel = Selector::parse("tr").unwrap();
        let trs: Vec<usize> = html
            .select(&sel)
            .filter_map(|e| pos.get(&e.id()).copied())
            .collect();
        assert_eq!(
            trs,
            [src.find("<tr><td>a").unwrap(), src.find("<TR>").unwrap()]
        );
        let tbody = html
            .select(&Selector::parse("tbody").unwrap())
            .next()
            .unwrap();
        assert_eq!(pos.get(&tbody.id()), Some(&src.find("<tr><td>a").unwrap()));
    }
}
