//! One operation from many pages. When several documents describe the same operation (a
//! Chinese and an English page, a 2019 PDF and a later Markdown page), their IRs merge into one.
//!
//! Precedence, highest first:
//! 1. the newer page, by `published` in `specs/sources.yaml`, compared at the precision every
//!    dated page of the operation states (`2019-09` and `2019-09-20` tie); a page without a
//!    date ranks after every dated one;
//! 2. the language listed earlier in `language_order` of `specs/sources.yaml`;
//! 3. the source listed earlier in `specs/sources.yaml`.
//!
//! The highest page's IR is the base. Every parameter, response field, error code, permission
//! and example another page states is merged into it; where two pages state different values
//! (required flag, type, default, a rule, an HTTP status, a name's spelling) or one page has a
//! parameter, field, rule or error code the other lacks, the base keeps its value (or gains the
//! missing fact) and the operation gets a `sources-disagree` warning naming both `file:line`s.
//! Prose (summary, descriptions) comes from the highest page in the first language of
//! `language_order` that has it, so rustdoc is English wherever an English page exists.
//! `provenance` lists, per fact, every page that states it.

use crate::config::Published;
use crate::diag::{DiagKind, Diagnostic, Span};
use crate::ir::{Constraint, ErrorRow, Field, Operation, Parameter, Provenance};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// One page's reading of an operation, with what ranks it.
pub struct Page {
    pub op: Operation,
    pub published: Option<Published>,
    pub language: String,
    /// Position of the page's source in `specs/sources.yaml`.
    pub order: usize,
}

/// Merges the pages of one operation (all with the same name) into one operation.
/// Returns `None` only for an empty list.
pub fn merge(mut pages: Vec<Page>, language_order: &[String]) -> Option<Operation> {
    rank(&mut pages, language_order);
    let mut pages = pages.into_iter();
    let first = pages.next()?;
    let rest: Vec<Page> = pages.collect();
    if rest.is_empty() {
        return Some(first.op);
    }
    let mut m = Merger {
        op: first.op.clone(),
        provenance: Vec::new(),
        warnings: Vec::new(),
    };
    m.state("operation", &first.op.source);
    for p in &first.op.parameters {
        m.state_parameter("parameters", p);
    }
    m.state_fields("response", &first.op.response);
    for e in &first.op.errors {
        m.state(&format!("errors.{}", e.code), &e.source);
    }
    for page in &rest {
        let why = reason(&first, page);
        m.state("operation", &page.op.source);
        let mut params = std::mem::take(&mut m.op.parameters);
        m.parameters(
            &mut params,
            &page.op.parameters,
            "parameters",
            &why,
            &page.op.source,
        );
        m.op.parameters = params;
        let mut response = std::mem::take(&mut m.op.response);
        m.fields(
            &mut response,
            &page.op.response,
            "response",
            &why,
            &page.op.source,
        );
        m.op.response = response;
        m.errors(&page.op.errors, &why, &page.op.source);
        m.extras(&page.op);
    }
    let preferred = language_order.first();
    let all: Vec<&Page> = std::iter::once(&first).chain(&rest).collect();
    if let Some(prose) = all
        .iter()
        .find(|p| Some(&p.language) == preferred && !p.op.summary.is_empty())
    {
        m.op.summary = prose.op.summary.clone();
        m.op.description = prose.op.description.clone();
        prose_parameters(&mut m.op.parameters, &prose.op.parameters);
        prose_fields(&mut m.op.response, &prose.op.response);
    }
    m.lower_examples(&first.op.source.file);
    let Merger {
        mut op,
        provenance,
        warnings,
    } = m;
    op.provenance = provenance
        .into_iter()
        .map(|(fact, pages)| Provenance { fact, pages })
        .collect();
    op.warnings.extend(warnings);
    // A page's "no response" stands only while no page documents a response field.
    if !op.response.is_empty() {
        op.no_response = None;
    }
    Some(op)
}

/// Sorts pages highest precedence first. Dates are cut to the coarsest precision any dated page
/// has, so the order is total.
fn rank(pages: &mut [Page], language_order: &[String]) {
    let precision = pages
        .iter()
        .filter_map(|p| p.published.as_ref().map(Published::precision))
        .min()
        .unwrap_or(0);
    let lang = |p: &Page| {
        language_order
            .iter()
            .position(|l| *l == p.language)
            .unwrap_or(language_order.len())
    };
    pages.sort_by(|a, b| {
        let date = match (&a.published, &b.published) {
            (Some(x), Some(y)) => y.truncated(precision).cmp(x.truncated(precision)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        date.then(lang(a).cmp(&lang(b))).then(a.order.cmp(&b.order))
    });
}

/// Why `winner` outranks `other`, for warning messages.
fn reason(winner: &Page, other: &Page) -> String {
    match (&winner.published, &other.published) {
        (Some(a), Some(b)) if a.compare(b).is_gt() => {
            format!("the page of {a} is newer than the page of {b}")
        }
        (Some(a), None) => format!("the page of {a} is dated, the other is not"),
        _ if winner.language != other.language => format!(
            "same date; {} ranks before {} in language_order",
            winner.language, other.language
        ),
        _ => "same date and language; listed first in specs/sources.yaml".to_string(),
    }
}

/// Facts in first-stated order, each with its pages.
type Facts = Vec<(String, Vec<Span>)>;

struct Merger {
    op: Operation,
    provenance: Facts,
    warnings: Vec<Diagnostic>,
}

impl Merger {
    fn state(&mut self, fact: &str, span: &Span) {
        match self.provenance.iter_mut().find(|(f, _)| f == fact) {
            Some((_, pages)) => {
                if !pages.contains(span) {
                    pages.push(span.clone());
                }
            }
            None => self.provenance.push((fact.to_string(), vec![span.clone()])),
        }
    }

    fn state_parameter(&mut self, at: &str, p: &Parameter) {
        let fact = format!("{at}.{}", p.name);
        self.state(&fact, &p.source);
        for c in &p.children {
            self.state_parameter(&fact, c);
        }
    }

    fn state_fields(&mut self, at: &str, fields: &[Field]) {
        for f in fields {
            let fact = join(at, &f.name);
            self.state(&fact, &f.source);
            self.state_fields(&fact, &f.children);
        }
    }

    fn disagree(&mut self, kept: &Span, other: &Span, what: String, why: &str) {
        self.warnings.push(
            Diagnostic::warning(
                DiagKind::SourcesDisagree,
                kept.clone(),
                format!("{what} (here and at {other}); {why}"),
            )
            .with_hint("merge precedence: newer page, then language_order, then sources.yaml order (generator/src/merge.rs); correct the kept value in specs/overrides.yaml if it is the wrong one"),
        );
    }

    /// Merges `theirs` (a lower page's parameters) into `ours`.
    fn parameters(
        &mut self,
        ours: &mut Vec<Parameter>,
        theirs: &[Parameter],
        at: &str,
        why: &str,
        page: &Span,
    ) {
        for (i, q) in theirs.iter().enumerate() {
            match find(ours, &q.name, |p| &p.name) {
                Some(k) => self.parameter(&mut ours[k], q, at, why),
                None => {
                    self.disagree(
                        &q.source,
                        page,
                        format!("parameter `{}` is documented only by this page", q.name),
                        "kept: a page that omits a parameter does not say the service lacks it",
                    );
                    self.state_parameter(at, q);
                    let after = i
                        .checked_sub(1)
                        .and_then(|j| find(ours, &theirs[j].name, |p| &p.name));
                    ours.insert(after.map_or(ours.len(), |k| k + 1), q.clone());
                }
            }
        }
        for p in ours.iter() {
            if find(theirs, &p.name, |q| &q.name).is_none() {
                let what = format!(
                    "parameter `{}` is not documented by the page at {page}",
                    p.name
                );
                self.warnings.push(
                    Diagnostic::warning(DiagKind::SourcesDisagree, p.source.clone(), what)
                        .with_hint("kept: documented here; check the official SDK and add an override if the service does not take it"),
                );
            }
        }
    }

    fn parameter(&mut self, p: &mut Parameter, q: &Parameter, at: &str, why: &str) {
        let fact = format!("{at}.{}", p.name);
        self.state(&fact, &q.source);
        let (kept, other) = (p.source.clone(), q.source.clone());
        if p.name != q.name {
            self.disagree(
                &kept,
                &other,
                format!(
                    "parameter is spelled `{}` here, `{}` there; kept `{}`",
                    p.name, q.name, p.name
                ),
                why,
            );
        }
        if p.required != q.required {
            // The validator insists on a required parameter before any request: when one page
            // calls it optional, a call without it may well be valid, so it is not required.
            self.disagree(
                &kept,
                &other,
                format!(
                    "`{}` required: {} here, {} there; kept not required (a page calls it optional)",
                    p.name, p.required, q.required
                ),
                why,
            );
            p.required = false;
        }
        if !p.doc_type.eq_ignore_ascii_case(&q.doc_type) {
            self.disagree(
                &kept,
                &other,
                format!(
                    "`{}` type: `{}` here, `{}` there; kept `{}`",
                    p.name, p.doc_type, q.doc_type, p.doc_type
                ),
                why,
            );
        }
        match (&p.default, &q.default) {
            (Some(a), Some(b)) if a != b => {
                let what = format!("`{}` default: `{a}` here, `{b}` there; kept `{a}`", p.name);
                self.disagree(&kept, &other, what, why);
            }
            (None, Some(b)) => {
                let what = format!("`{}` default `{b}` is stated only there; taken", p.name);
                self.disagree(&kept, &other, what, why);
                p.default = Some(b.clone());
            }
            _ => {}
        }
        if p.example.is_none() {
            p.example.clone_from(&q.example);
        }
        self.constraints(
            &p.name,
            &mut p.constraints,
            &q.constraints,
            &kept,
            &other,
            why,
        );
        let mut children = std::mem::take(&mut p.children);
        self.parameters(&mut children, &q.children, &fact, why, &q.source);
        p.children = children;
    }

    fn constraints(
        &mut self,
        name: &str,
        ours: &mut Vec<Constraint>,
        theirs: &[Constraint],
        kept: &Span,
        other: &Span,
        why: &str,
    ) {
        let mut by_kind: BTreeMap<String, (Vec<serde_yaml::Value>, Vec<serde_yaml::Value>)> =
            BTreeMap::new();
        for c in ours.iter() {
            by_kind.entry(kind(c)).or_default().0.push(essence(c));
        }
        for c in theirs {
            by_kind.entry(kind(c)).or_default().1.push(essence(c));
        }
        for (k, (a, b)) in by_kind {
            let what = match (a.is_empty(), b.is_empty()) {
                (false, true) => {
                    format!("`{name}` has a {k} rule here that the other page does not state; kept")
                }
                (true, false) => {
                    ours.extend(theirs.iter().filter(|c| kind(c) == k).cloned());
                    format!("`{name}` has a {k} rule only there; taken")
                }
                _ if a != b => {
                    // Which page is right is unknown, and a rule one page states narrower than
                    // the other may reject a call the other allows: kept, documented, but not
                    // enforced by default (only under `Validation::All`).
                    for c in ours.iter_mut().filter(|c| kind(c) == k) {
                        c.status_mut().incomplete = Some(format!(
                            "the pages disagree on it (the other page at {other})"
                        ));
                    }
                    format!(
                        "`{name}` {k} rule differs: {} here, {} there; kept this page's, not enforced",
                        summary(&a),
                        summary(&b)
                    )
                }
                _ => continue,
            };
            self.disagree(kept, other, what, why);
        }
    }

    fn fields(
        &mut self,
        ours: &mut Vec<Field>,
        theirs: &[Field],
        at: &str,
        why: &str,
        page: &Span,
    ) {
        for (i, q) in theirs.iter().enumerate() {
            let fact = join(at, &q.name);
            match find(ours, &q.name, |f| &f.name) {
                Some(k) => {
                    self.state(&fact, &q.source);
                    let kept = ours[k].source.clone();
                    if ours[k].name != q.name {
                        let what = format!(
                            "response field is spelled `{}` here, `{}` there; kept `{}`",
                            ours[k].name, q.name, ours[k].name
                        );
                        self.disagree(&kept, &q.source, what, why);
                    }
                    if !ours[k].doc_type.eq_ignore_ascii_case(&q.doc_type) {
                        let what = format!(
                            "response field `{fact}` type: `{}` here, `{}` there; kept `{}`",
                            ours[k].doc_type, q.doc_type, ours[k].doc_type
                        );
                        self.disagree(&kept, &q.source, what, why);
                    }
                    if ours[k].list != q.list {
                        // A list shown with one item (an XML sample, a table) reads as one
                        // object; no page shows one object as a list. So the list wins.
                        let what = format!(
                            "response field `{fact}` is {} here, {} there; kept a list",
                            if ours[k].list { "a list" } else { "one value" },
                            if q.list { "a list" } else { "one value" },
                        );
                        self.disagree(
                            &kept,
                            &q.source,
                            what,
                            "a page that shows a list is believed",
                        );
                        ours[k].list = true;
                    }
                    let mut children = std::mem::take(&mut ours[k].children);
                    self.fields(&mut children, &q.children, &fact, why, &q.source);
                    ours[k].children = children;
                }
                None => {
                    self.disagree(
                        &q.source,
                        page,
                        format!("response field `{fact}` is documented only by this page"),
                        "kept: a response may carry it",
                    );
                    self.state_fields(at, std::slice::from_ref(q));
                    let after = i
                        .checked_sub(1)
                        .and_then(|j| find(ours, &theirs[j].name, |f| &f.name));
                    ours.insert(after.map_or(ours.len(), |k| k + 1), q.clone());
                }
            }
        }
        for f in ours.iter() {
            let fact = join(at, &f.name);
            if find(theirs, &f.name, |q| &q.name).is_none() {
                self.warnings.push(
                    Diagnostic::warning(
                        DiagKind::SourcesDisagree,
                        f.source.clone(),
                        format!("response field `{fact}` is not documented by the page at {page}"),
                    )
                    .with_hint("kept: documented here"),
                );
            }
        }
    }

    fn errors(&mut self, theirs: &[ErrorRow], why: &str, page: &Span) {
        let mut only_there = Vec::new();
        for e in theirs {
            self.state(&format!("errors.{}", e.code), &e.source);
            match self.op.errors.iter().find(|o| o.code == e.code) {
                Some(o) if o.http_status != e.http_status => {
                    let show = |s: Option<u16>| s.map_or("none".to_string(), |s| s.to_string());
                    let what = format!(
                        "error `{}` HTTP status: {} here, {} there; kept {}",
                        e.code,
                        show(o.http_status),
                        show(e.http_status),
                        show(o.http_status)
                    );
                    let kept = o.source.clone();
                    self.disagree(&kept, &e.source, what, why);
                }
                Some(_) => {}
                None => only_there.push(e.clone()),
            }
        }
        let only_here: Vec<&ErrorRow> = self
            .op
            .errors
            .iter()
            .filter(|o| !theirs.iter().any(|e| e.code == o.code))
            .collect();
        let codes = |rows: &mut dyn Iterator<Item = &ErrorRow>| {
            rows.map(|e| format!("`{}`", e.code))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if let (Some(first), false) = (only_here.first(), theirs.is_empty()) {
            let what = format!(
                "error codes {} are not listed by the page at {page}",
                codes(&mut only_here.iter().copied())
            );
            let span = first.source.clone();
            self.warnings.push(
                Diagnostic::warning(DiagKind::SourcesDisagree, span, what)
                    .with_hint("kept: the error list is the union of every page's"),
            );
        }
        if let (Some(first), false) = (only_there.first(), self.op.errors.is_empty()) {
            let what = format!(
                "error codes {} are listed only by this page; added",
                codes(&mut only_there.iter())
            );
            let span = first.source.clone();
            self.warnings.push(
                Diagnostic::warning(DiagKind::SourcesDisagree, span, what)
                    .with_hint("the error list is the union of every page's"),
            );
        }
        self.op.errors.extend(only_there);
    }

    /// Permissions, examples and the page's own warnings: unions.
    fn extras(&mut self, page: &Operation) {
        for p in &page.permissions {
            if !self.op.permissions.iter().any(|o| o.action == p.action) {
                self.op.permissions.push(p.clone());
            }
        }
        for e in &page.examples {
            let same = |o: &&crate::ir::Example| {
                o.kind == e.kind && o.format == e.format && squash(&o.text) == squash(&e.text)
            };
            if !self.op.examples.iter().any(|o| same(&o)) {
                self.op.examples.push(e.clone());
            }
        }
        self.op.warnings.extend(page.warnings.iter().cloned());
    }
}

impl Merger {
    /// A JSON success example of a lower-ranked page is decoded by the example tests only when
    /// it fits the merged response; one that spells or shapes a key differently (`requestId` /
    /// `RequestId`, one item where the first page has a list) is reported and left undecoded.
    fn lower_examples(&mut self, first_file: &str) {
        for e in &mut self.op.examples {
            let json =
                e.kind == crate::ir::ExampleKind::Response && e.format.eq_ignore_ascii_case("json");
            if !json || e.flaw.is_some() || e.source.file == first_file {
                continue;
            }
            let Ok(value) = serde_json::from_str::<serde_json::Value>(&e.text) else {
                continue;
            };
            let body = match &e.root {
                Some(root) => value.get(root).unwrap_or(&value),
                None => &value,
            };
            if let Some(misfit) = misfit(body, &self.op.response, "") {
                e.flaw = Some(format!(
                    "does not fit the response of the page that ranks first: {misfit}"
                ));
                self.warnings.push(
                    Diagnostic::warning(
                        DiagKind::SourcesDisagree,
                        e.source.clone(),
                        format!(
                            "this page's success example does not fit the merged response \
                             (read from {first_file}): {misfit}"
                        ),
                    )
                    .with_hint(
                        "the example is kept in the IR but not decoded by the example tests",
                    ),
                );
            }
        }
    }
}

/// Where a JSON value does not fit `fields` (a key none of them has, a list where a field is
/// one value or the reverse), or `None`.
fn misfit(value: &serde_json::Value, fields: &[Field], at: &str) -> Option<String> {
    let serde_json::Value::Object(map) = value else {
        return None;
    };
    map.iter().find_map(|(key, v)| {
        let path = if at.is_empty() {
            key.clone()
        } else {
            format!("{at}.{key}")
        };
        match fields.iter().find(|f| &f.name == key) {
            None => Some(format!("`{path}` is not in the response")),
            Some(f) => field_misfit(v, f, &path),
        }
    })
}

fn field_misfit(v: &serde_json::Value, f: &Field, path: &str) -> Option<String> {
    match (f.list, v) {
        (true, serde_json::Value::Array(items)) => {
            let item = match f.children.as_slice() {
                [only] if only.name.is_empty() => &only.children,
                children => children,
            };
            items
                .iter()
                .find_map(|i| misfit(i, item, &format!("{path}[]")))
        }
        (true, _) => Some(format!(
            "`{path}` is one value in the example, a list in the response"
        )),
        (false, serde_json::Value::Array(_)) => Some(format!(
            "`{path}` is a list in the example, one value in the response"
        )),
        (false, v) => misfit(v, &f.children, path),
    }
}

/// The index of the item named `name`: exactly, else ignoring ASCII case (`BandWidth`, `bandwidth`).
fn find<T>(items: &[T], name: &str, key: impl Fn(&T) -> &String) -> Option<usize> {
    items
        .iter()
        .position(|t| key(t) == name)
        .or_else(|| items.iter().position(|t| key(t).eq_ignore_ascii_case(name)))
}

fn join(at: &str, name: &str) -> String {
    format!("{at}.{}", if name.is_empty() { "[]" } else { name })
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect()
}

fn kind(c: &Constraint) -> String {
    essence(c)
        .get("kind")
        .and_then(|k| k.as_str())
        .unwrap_or_default()
        .replace('_', " ")
}

/// A rule without its sentence, source and value descriptions: what two pages must agree on.
fn essence(c: &Constraint) -> serde_yaml::Value {
    let mut v = serde_yaml::to_value(c).unwrap_or(serde_yaml::Value::Null);
    if let Some(m) = v.as_mapping_mut() {
        m.remove("sentence");
        m.remove("source");
        if let Some(values) = m.get_mut("values").and_then(|v| v.as_sequence_mut()) {
            for item in values.iter_mut() {
                if let Some(value) = item.as_mapping().and_then(|e| e.get("value")).cloned() {
                    *item = value;
                }
            }
            values.sort_by_key(|x| serde_yaml::to_string(x).unwrap_or_default());
        }
    }
    v
}

fn summary(rules: &[serde_yaml::Value]) -> String {
    rules
        .iter()
        .map(|r| {
            let mut r = r.clone();
            if let Some(m) = r.as_mapping_mut() {
                m.remove("kind");
            }
            serde_json::to_string(&r).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

fn prose_parameters(ours: &mut [Parameter], prose: &[Parameter]) {
    for p in ours {
        if let Some(k) = find(prose, &p.name, |q| &q.name) {
            if !prose[k].description.is_empty() {
                p.description.clone_from(&prose[k].description);
            }
            prose_parameters(&mut p.children, &prose[k].children);
        }
    }
}

fn prose_fields(ours: &mut [Field], prose: &[Field]) {
    for f in ours {
        if let Some(k) = find(prose, &f.name, |q| &q.name) {
            if !prose[k].description.is_empty() {
                f.description.clone_from(&prose[k].description);
            }
            prose_fields(&mut f.children, &prose[k].children);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(
        file: &str,
        language: &str,
        published: Option<&str>,
        order: usize,
        params: &str,
    ) -> Page {
        let yaml = format!(
            "{{product: Vpc, version: '2016-04-28', style: RPC, name: Op, summary: 'summary {language}', \
             source: {{file: {file}, line: 1}}, parameters: [{params}], response: [], \
             errors: [{{code: Forbidden.{file}, source: {{file: {file}, line: 9}}}}]}}"
        );
        Page {
            op: serde_yaml::from_str(&yaml).unwrap_or_else(|e| panic!("test operation: {e}")),
            published: published.map(|d| Published::try_from(d.to_string()).expect("date")),
            language: language.into(),
            order,
        }
    }

    fn param(file: &str, name: &str, required: bool, line: usize) -> String {
        format!("{{name: {name}, type: String, required: {required}, description: 'd {file}', source: {{file: {file}, line: {line}}}}}")
    }

    fn order() -> Vec<String> {
        vec!["en-US".into(), "zh-CN".into()]
    }

    fn disagreements(op: &Operation) -> Vec<&str> {
        op.warnings
            .iter()
            .filter(|w| w.kind == "sources-disagree")
            .map(|w| w.message.as_str())
            .collect()
    }

    #[test]
    fn newer_page_wins_then_language() {
        let zh = page(
            "zh",
            "zh-CN",
            Some("2021-03-01"),
            0,
            &param("zh", "A", true, 3),
        );
        let en = page("en", "en-US", Some("2019"), 1, &param("en", "A", false, 4));
        let op = merge(vec![en, zh], &order()).expect("merged");
        assert_eq!(op.source.file, "zh", "2021 is newer than 2019");
        assert!(
            !op.parameters[0].required,
            "one page calls it optional: not required"
        );
        assert_eq!(
            op.summary, "summary en-US",
            "prose comes from the English page"
        );
        assert_eq!(op.parameters[0].description, "d en");
        let d = disagreements(&op);
        assert!(
            d.iter()
                .any(|m| m.contains("required: true here, false there")
                    && m.contains("en:4")
                    && m.contains("newer")),
            "{d:?}"
        );

        // Same year: precision is cut to the coarsest date, so language order decides.
        let zh = page(
            "zh",
            "zh-CN",
            Some("2019-09-20"),
            0,
            &param("zh", "A", true, 3),
        );
        let en = page("en", "en-US", Some("2019"), 1, &param("en", "A", false, 4));
        let op = merge(vec![zh, en], &order()).expect("merged");
        assert_eq!(op.source.file, "en");
        assert!(!op.parameters[0].required);
        assert!(disagreements(&op)
            .iter()
            .any(|m| m.contains("language_order")));
    }

    #[test]
    fn every_fact_is_merged_with_its_pages() {
        let params_en = [
            param("en", "A", true, 3),
            param("en", "bandwidth", false, 4),
        ]
        .join(", ");
        let params_zh = [
            param("zh", "A", true, 5),
            param("zh", "BandWidth", false, 6),
            param("zh", "C", false, 7),
        ]
        .join(", ");
        let en = page("en", "en-US", None, 0, &params_en);
        let zh = page("zh", "zh-CN", None, 1, &params_zh);
        let op = merge(vec![zh, en], &order()).expect("merged");
        let names: Vec<&str> = op.parameters.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            ["A", "bandwidth", "C"],
            "a parameter only one page has is kept, in place"
        );
        let pages = |fact: &str| {
            op.provenance
                .iter()
                .find(|p| p.fact == fact)
                .map(|p| p.pages.iter().map(ToString::to_string).collect::<Vec<_>>())
        };
        assert_eq!(
            pages("parameters.A"),
            Some(vec!["en:3".into(), "zh:5".into()])
        );
        assert_eq!(
            pages("parameters.bandwidth"),
            Some(vec!["en:4".into(), "zh:6".into()])
        );
        assert_eq!(pages("parameters.C"), Some(vec!["zh:7".into()]));
        assert_eq!(pages("operation"), Some(vec!["en:1".into(), "zh:1".into()]));
        let codes: Vec<&str> = op.errors.iter().map(|e| e.code.as_str()).collect();
        assert_eq!(
            codes,
            ["Forbidden.en", "Forbidden.zh"],
            "error lists are united"
        );
        let d = disagreements(&op);
        assert!(
            d.iter()
                .any(|m| m.contains("spelled `bandwidth` here, `BandWidth` there")),
            "{d:?}"
        );
        assert!(
            d.iter()
                .any(|m| m.contains("`C` is documented only by this page")),
            "{d:?}"
        );
        assert!(
            d.iter()
                .any(|m| m.contains("`Forbidden.zh`") && m.contains("only by this page")),
            "{d:?}"
        );
        assert!(
            d.iter()
                .any(|m| m.contains("`Forbidden.en`") && m.contains("not listed")),
            "{d:?}"
        );
    }

    #[test]
    fn a_lower_pages_example_that_does_not_fit_is_reported() {
        let field = |name: &str, list: bool, children: Vec<Field>| Field {
            name: name.into(),
            doc_type: String::new(),
            kind: Default::default(),
            sensitive: false,
            example: None,
            description: String::new(),
            constraints: Vec::new(),
            children,
            list,
            source: Span::new("a.md", 1),
            example_source: None,
            origin: None,
        };
        let response = vec![
            field("requestId", false, vec![]),
            field(
                "Items",
                false,
                vec![field("Item", true, vec![field("Id", false, vec![])])],
            ),
        ];
        let fits = serde_json::json!({"requestId": "x", "Items": {"Item": [{"Id": "1"}]}});
        assert_eq!(misfit(&fits, &response, ""), None);
        let spelled = serde_json::json!({"RequestId": "x"});
        assert_eq!(
            misfit(&spelled, &response, "").as_deref(),
            Some("`RequestId` is not in the response")
        );
        let one = serde_json::json!({"Items": {"Item": {"Id": "1"}}});
        assert_eq!(
            misfit(&one, &response, "").as_deref(),
            Some("`Items.Item` is one value in the example, a list in the response")
        );
        let deep = serde_json::json!({"Items": {"Item": [{"Id": "1", "Name": "n"}]}});
        assert_eq!(
            misfit(&deep, &response, "").as_deref(),
            Some("`Items.Item[].Name` is not in the response")
        );
    }

    #[test]
    fn one_page_is_left_alone() {
        let en = page("en", "en-US", None, 0, &param("en", "A", true, 3));
        let op = merge(vec![en], &order()).expect("one page");
        assert!(op.provenance.is_empty() && op.warnings.is_empty());
        assert!(merge(Vec::new(), &order()).is_none());
    }

    #[test]
    fn dates_parse_at_their_precision() {
        let d = |s: &str| Published::try_from(s.to_string());
        assert!(d("2019").is_ok() && d("2019-09").is_ok() && d("2019-09-20").is_ok());
        assert!(
            d("2019-9").is_err() && d("2019-13").is_err() && d("19-09").is_err() && d("x").is_err()
        );
        let (a, b) = (d("2019-09").expect("a"), d("2019-09-20").expect("b"));
        assert!(a.compare(&b).is_eq() && a.to_string() == "2019-09");
    }
}
