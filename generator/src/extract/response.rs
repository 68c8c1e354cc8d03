//! The response tree, reconciled from the response table and the page's own success example.
//!
//! Tables lose nesting (flat rows under an empty-type parent, `└` marking one level only,
//! `Array of X` then an `X` row then unmarked children), so the example decides where each
//! documented field sits: every table row goes to the path the example shows for its name, and
//! the wrapper objects and lists around items come from the example when the table does not
//! say. What the two sources disagree on is a warning; a field only the table has keeps its
//! table placement; a key only the example has is kept and linted. Without a usable example,
//! the table's own nesting and types decide.

use super::sample::{self, Kind, Sample, Shape};
use crate::diag::{DiagKind, Diagnostic, Span};
use crate::ir::{Example, ExampleKind, Field, FieldOrigin};

/// True for a document type that says "a list" (`Array of X`, `array<string>`, `List`...).
fn list_typed(doc_type: &str) -> bool {
    crate::ir::facts::TypeWord::read(doc_type).list
}

/// `X` of `Array of X`: Alibaba's notation for `{"Field": {"X": [...]}}`.
fn array_of(doc_type: &str) -> Option<&str> {
    let t = doc_type.trim();
    let rest = t.get(..9).filter(|p| p.eq_ignore_ascii_case("array of "))?;
    Some(t[rest.len()..].trim())
        .filter(|i| !i.is_empty() && i.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The response fields of one operation. `examples` get their `root` and `flaw` set.
pub fn reconcile(
    file: &str,
    operation: &str,
    table: Vec<Field>,
    examples: &mut [Example],
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Field> {
    let sample = read_samples(file, operation, &table, examples, warnings);
    match sample {
        Some((sample, line)) if !sample.keys.is_empty() => {
            place(file, table, &sample, line, warnings)
        }
        _ => table.into_iter().map(table_shape).collect(),
    }
}

/// Reads every success sample (recording what is wrong with each) and returns the one that
/// decides the structure: the first readable JSON one, else the first readable XML one.
fn read_samples(
    file: &str,
    operation: &str,
    table: &[Field],
    examples: &mut [Example],
    warnings: &mut Vec<Diagnostic>,
) -> Option<(Sample, usize)> {
    let (mut json, mut xml) = (None, None);
    for e in examples
        .iter_mut()
        .filter(|e| e.kind == ExampleKind::Response)
    {
        // The body starts after the status line, the headers and a blank line.
        let head_lines = match e.http_head.lines().count() {
            0 => 0,
            n => n + 1,
        };
        let line = e.source.line + head_lines;
        let read = match e.format.as_str() {
            "json" => sample::json(&e.text, line),
            "xml" => sample::xml(&e.text, line),
            _ => continue,
        };
        let s = match read {
            Ok(s) => s,
            Err(u) => {
                let flaw = format!("not readable as {}: {}", e.format.to_uppercase(), u.reason);
                warnings.push(
                    Diagnostic::warning(
                        DiagKind::ResponseExampleUnreadable,
                        Span::new(file, u.line),
                        format!("the success example at line {} is {flaw}; it is not used for the response structure", e.source.line),
                    )
                    .with_hint("a truncated or broken sample; the response table alone places the fields"),
                );
                e.flaw = Some(flaw);
                continue;
            }
        };
        e.root.clone_from(&s.root);
        if let Some(root) = &s.root {
            if *root != format!("{operation}Response") {
                let flaw = format!("the response of another operation (`{root}`)");
                warnings.push(Diagnostic::warning(
                    DiagKind::ResponseExampleOtherOperation,
                    Span::new(file, e.source.line),
                    format!("the success example is {flaw}, not of `{operation}`; it is not used"),
                ));
                e.flaw = Some(flaw);
                continue;
            }
        }
        if let Some(keys) = envelope(&s, table) {
            let flaw = format!("an internal gateway envelope ({keys}) around the body");
            warnings.push(
                Diagnostic::warning(
                    DiagKind::ResponseExampleEnvelope,
                    Span::new(file, e.source.line),
                    format!("the success example is {flaw}, which the response table does not document; it is not used for the structure"),
                )
                .with_hint("the table's names and nesting decide; check them against the official SDK"),
            );
            e.flaw = Some(flaw);
            continue;
        }
        if !s.repairs.is_empty() {
            let shown: Vec<&str> = s.repairs.iter().take(3).map(String::as_str).collect();
            warnings.push(
                Diagnostic::warning(
                    DiagKind::ResponseExampleGarbled,
                    Span::new(file, e.source.line),
                    format!(
                        "the success example is broken by the page's text ({}{}); its structure is read with these repairs",
                        shown.join("; "),
                        if s.repairs.len() > 3 { format!("; {} more", s.repairs.len() - 3) } else { String::new() }
                    ),
                )
                .with_hint("its values are not trusted: the example tests do not decode it"),
            );
            e.flaw = Some("broken by the page's text (keys or tags split, tags lost)".to_string());
        }
        let slot = if e.format == "json" {
            &mut json
        } else {
            &mut xml
        };
        if slot.is_none() {
            *slot = Some((s, e.source.line));
        }
    }
    json.or(xml)
}

/// The top-level keys of an envelope the service gateway wraps bodies in internally
/// (`{"code":"200","success":true,"message":…,"data":{…}}`, camel-cased), when the sample is
/// one and the table documents none of them: the pages that show it (the LOA and order
/// operations) document the body the API returns.
fn envelope(sample: &Sample, table: &[Field]) -> Option<String> {
    const ENVELOPE: [&str; 5] = ["code", "success", "message", "httpStatusCode", "data"];
    let documented = |k: &str| table.iter().any(|f| f.name.trim().eq_ignore_ascii_case(k));
    // An XML sample whose root is not `<Operation>Response` keeps it as its one key.
    let top = match sample.keys.as_slice() {
        [root] if !documented(&root.key) && !root.children.is_empty() => &root.children,
        keys => keys,
    };
    let shown: Vec<&str> = top
        .iter()
        .map(|k| k.key.as_str())
        .filter(|k| ENVELOPE.contains(k))
        .collect();
    let is_envelope = shown.contains(&"code")
        && shown.contains(&"success")
        && !shown.iter().any(|k| documented(k));
    is_envelope.then(|| {
        shown
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// Structure from the table alone: list types are lists, `Array of X` wraps its items in `X`.
fn table_shape(mut f: Field) -> Field {
    f.children = std::mem::take(&mut f.children)
        .into_iter()
        .map(table_shape)
        .collect();
    let item = array_of(&f.doc_type).map(str::to_string);
    match item {
        Some(item) if !(f.children.len() == 1 && f.children[0].name == item) => {
            let wrapper = Field {
                name: item,
                doc_type: String::new(),
                kind: Default::default(),
                sensitive: false,
                example: None,
                description: String::new(),
                constraints: Vec::new(),
                children: std::mem::take(&mut f.children),
                list: true,
                source: f.source.clone(),
                example_source: None,
                origin: Some(FieldOrigin::Wrapper),
            };
            f.children = vec![wrapper];
        }
        Some(_) => {
            if let Some(c) = f.children.first_mut() {
                c.list = true;
            }
        }
        None => f.list = list_typed(&f.doc_type),
    }
    f
}

/// A table row, flattened: the field without children and the row it nests under.
struct Row {
    field: Field,
    parent: Option<usize>,
}

fn flatten(fields: Vec<Field>, parent: Option<usize>, rows: &mut Vec<Row>) {
    for mut f in fields {
        let children = std::mem::take(&mut f.children);
        if f.name.trim().is_empty() {
            // An anonymous item row: its members belong to the list around it.
            flatten(children, parent, rows);
            continue;
        }
        rows.push(Row { field: f, parent });
        let me = rows.len() - 1;
        flatten(children, Some(me), rows);
    }
}

/// A key of the sample, flattened: the shape and the key it sits in.
struct Node<'a> {
    shape: &'a Shape,
    parent: Option<usize>,
}

fn nodes<'a>(shapes: &'a [Shape], parent: Option<usize>, out: &mut Vec<Node<'a>>) {
    for s in shapes {
        out.push(Node { shape: s, parent });
        let me = out.len() - 1;
        nodes(&s.children, Some(me), out);
    }
}

/// Which table row each sample key is: names unique on both sides first, then the remaining
/// candidates nearest (in table order) to the rows already matched around them.
fn assign(rows: &[Row], nodes: &[Node<'_>]) -> Vec<Option<usize>> {
    let mut of_node: Vec<Option<usize>> = vec![None; nodes.len()];
    let mut used = vec![false; rows.len()];
    let rows_named = |name: &str| -> Vec<usize> {
        let exact: Vec<usize> = (0..rows.len())
            .filter(|&r| rows[r].field.name.trim() == name)
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        (0..rows.len())
            .filter(|&r| rows[r].field.name.trim().eq_ignore_ascii_case(name))
            .collect()
    };
    for (n, node) in nodes.iter().enumerate() {
        let candidates = rows_named(&node.shape.key);
        let same_key = nodes
            .iter()
            .filter(|m| m.shape.key.eq_ignore_ascii_case(&node.shape.key))
            .count();
        if let ([r], 1) = (candidates.as_slice(), same_key) {
            of_node[n] = Some(*r);
            used[*r] = true;
        }
    }
    // The matched row nearest before `r` in the table should be a sibling's or the parent's:
    // fields of one object are contiguous in every table generation.
    let mut node_of_row: Vec<Option<usize>> = vec![None; rows.len()];
    for (n, r) in of_node.iter().enumerate() {
        if let Some(r) = r {
            node_of_row[*r] = Some(n);
        }
    }
    let context = |n: usize, r: usize| -> usize {
        let before = (0..r).rev().find_map(|q| node_of_row[q]);
        let fits = match before {
            Some(m) => nodes[m].parent == nodes[n].parent || Some(m) == nodes[n].parent,
            None => nodes[n].parent.is_none(),
        };
        usize::from(!fits)
    };
    let distance = |n: usize, r: usize| -> usize {
        (0..nodes.len())
            .filter(|&m| m != n && nodes[m].parent == nodes[n].parent)
            .filter_map(|m| of_node[m])
            .chain(nodes[n].parent.and_then(|p| of_node[p]))
            .map(|q| q.abs_diff(r))
            .min()
            .unwrap_or(r)
    };
    let mut pairs = Vec::new();
    for n in (0..nodes.len()).filter(|&n| of_node[n].is_none()) {
        let parent_row = nodes[n].parent.and_then(|p| of_node[p]);
        for r in rows_named(&nodes[n].shape.key)
            .into_iter()
            .filter(|&r| !used[r])
        {
            let disagrees = usize::from(rows[r].parent.is_some() && rows[r].parent != parent_row);
            pairs.push((disagrees, context(n, r), distance(n, r), n, r));
        }
    }
    pairs.sort_unstable();
    for (_, _, _, n, r) in pairs {
        if of_node[n].is_none() && !used[r] {
            of_node[n] = Some(r);
            used[r] = true;
        }
    }
    of_node
}

fn kind_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Object => "Object",
        Kind::Str | Kind::Empty => "String",
        Kind::Int => "Long",
        Kind::Float => "Double",
        Kind::Bool => "Boolean",
    }
}

/// Everything `build` needs about the reconciliation.
struct Placing<'a> {
    file: &'a str,
    rows: &'a [Row],
    nodes: &'a [Node<'a>],
    of_node: Vec<Option<usize>>,
    example_line: usize,
    /// False when the example's keys had to be repaired: the table's spelling is kept then.
    trust_names: bool,
    warnings: &'a mut Vec<Diagnostic>,
}

impl Placing<'_> {
    /// The fields of the sample keys under node `parent` (`None`: the top level).
    fn build(&mut self, parent: Option<usize>, parent_field: Option<&Field>) -> Vec<Field> {
        let members: Vec<usize> = (0..self.nodes.len())
            .filter(|&n| self.nodes[n].parent == parent)
            .collect();
        let single_undocumented_child = members.len() == 1 && self.of_node[members[0]].is_none();
        let mut out: Vec<(usize, Field)> = Vec::new();
        for (position, &n) in members.iter().enumerate() {
            let shape = self.nodes[n].shape;
            let at = Span::new(self.file, shape.line);
            let mut field = match self.of_node[n] {
                Some(r) => {
                    let mut f = self.rows[r].field.clone();
                    self.check_parent(r, n);
                    if f.name.trim() != shape.key && self.trust_names {
                        self.warnings.push(Diagnostic::warning(
                            DiagKind::ResponseNameDiffers,
                            f.source.clone(),
                            format!(
                                "the table spells `{}` (line {}), the example `{}` (line {}); the example's spelling is the wire name",
                                f.name.trim(), f.source.line, shape.key, shape.line
                            ),
                        ));
                        f.name.clone_from(&shape.key);
                    }
                    f.example_source = Some(at);
                    f
                }
                None => {
                    // The level around items that a list-like parent leaves implicit, or a key
                    // only the example has.
                    let wrapper = single_undocumented_child
                        && parent_field.is_some_and(|p| {
                            p.doc_type.trim().is_empty() || list_typed(&p.doc_type)
                        });
                    if !wrapper {
                        self.warnings.push(
                            Diagnostic::warning(
                                DiagKind::ResponseExampleOnly,
                                at.clone(),
                                format!("`{}` appears in the documented example only (example at line {}); kept as an output field", shape.key, self.example_line),
                            )
                            .with_hint("the response table does not document it; its type is the example value's"),
                        );
                    }
                    Field {
                        name: shape.key.clone(),
                        doc_type: kind_type(shape.kind).to_string(),
                        kind: Default::default(),
                        sensitive: false,
                        example: None,
                        description: String::new(),
                        constraints: Vec::new(),
                        children: Vec::new(),
                        list: false,
                        source: at.clone(),
                        example_source: Some(at),
                        origin: Some(if wrapper {
                            FieldOrigin::Wrapper
                        } else {
                            FieldOrigin::Example
                        }),
                    }
                }
            };
            field.children = self.build(Some(n), Some(&field));
            field.list = shape.list;
            // A list level the example shows as one object (XML heritage) or leaves implicit.
            let item = array_of(&field.doc_type).map(str::to_string);
            match field.children.as_mut_slice() {
                [only]
                    if only.origin == Some(FieldOrigin::Wrapper)
                        || item.as_deref() == Some(only.name.as_str()) =>
                {
                    only.list = true;
                }
                _ if field.origin.is_none() && list_typed(&field.doc_type) => field.list = true,
                _ => {}
            }
            // A type the table leaves empty for a value without members is the example
            // value's (an empty object stays whole JSON rather than text).
            if field.doc_type.trim().is_empty()
                && field.children.is_empty()
                && shape.kind != Kind::Empty
            {
                field.doc_type = kind_type(shape.kind).to_string();
            }
            let key = self.of_node[n].unwrap_or(self.rows.len() + position);
            out.push((key, field));
        }
        out.sort_by_key(|(k, _)| *k);
        out.into_iter().map(|(_, f)| f).collect()
    }

    /// A warning when the table nests row `r` under a row the example does not put it in.
    fn check_parent(&mut self, r: usize, n: usize) {
        let Some(tp) = self.rows[r].parent else {
            return;
        };
        let mut up = self.nodes[n].parent;
        while let Some(p) = up {
            if self.of_node[p] == Some(tp) {
                return;
            }
            up = self.nodes[p].parent;
        }
        let row = &self.rows[r].field;
        let parent = &self.rows[tp].field;
        self.warnings.push(Diagnostic::warning(
            DiagKind::ResponsePlacementDiffers,
            row.source.clone(),
            format!(
                "the table puts `{}` (line {}) under `{}` (line {}); the example puts it elsewhere (line {}); the example's place is used",
                row.name, row.source.line, parent.name, parent.source.line, self.nodes[n].shape.line
            ),
        ));
    }
}

/// Path (child indices) of the field placed for each row.
fn paths_of(
    fields: &[Field],
    at: &mut Vec<usize>,
    rows: &[Row],
    out: &mut Vec<Option<Vec<usize>>>,
) {
    for (i, f) in fields.iter().enumerate() {
        at.push(i);
        if f.documented() {
            if let Some(r) = rows
                .iter()
                .position(|r| r.field.source == f.source && r.field.name == f.name)
            {
                out[r] = Some(at.clone());
            }
        }
        paths_of(&f.children, at, rows, out);
        at.pop();
    }
}

/// Where the table places row `r` in the tree built from the example: where the example put
/// its table siblings (so a level the table leaves implicit, such as the items of a list, is
/// kept), else under its table parent. In a table without nesting for it: inside the nearest
/// empty-type row before it (a flat table's group row, shown by the example or not) when no
/// row the example placed comes between them, beside it when `r` is a group row itself; else
/// in the group the rows the example placed around it show, else beside the nearest row
/// before it that the example placed (`placed`; a row placed here is a guess, not an anchor).
/// Child-index path.
fn table_place(
    rows: &[Row],
    r: usize,
    placed: &[bool],
    paths: &[Option<Vec<usize>>],
    out: &[Field],
) -> Vec<usize> {
    let parent_of = |q: usize| paths[q].as_ref().map(|p| p[..p.len() - 1].to_vec());
    let untyped = |q: usize| rows[q].field.doc_type.trim().is_empty();
    let mut path = match rows[r].parent {
        Some(tp) => {
            let mut siblings = (0..rows.len())
                .filter(|&q| q != r && rows[q].parent == Some(tp))
                .filter_map(parent_of);
            match (siblings.next(), &paths[tp]) {
                (Some(first), _) if siblings.all(|p| p == first) => return first,
                (_, Some(p)) => p.clone(),
                (_, None) => return Vec::new(),
            }
        }
        None => {
            let group = (0..r)
                .rev()
                .take_while(|&q| !placed[q] || untyped(q))
                .find(|&q| rows[q].parent.is_none() && untyped(q) && paths[q].is_some());
            let before = (0..r).rev().find(|&q| placed[q]);
            let after = (r + 1..rows.len()).find(|&q| placed[q] && rows[q].parent.is_none());
            match (
                group.and_then(|q| paths[q].as_ref()),
                before.and_then(|q| paths[q].as_ref()),
                after.and_then(|q| paths[q].as_ref()),
            ) {
                (Some(g), _, _) if untyped(r) => g[..g.len() - 1].to_vec(),
                (Some(g), _, _) => g.clone(),
                (None, Some(b), Some(a)) if a.len() > b.len() && a.starts_with(b) => {
                    return a[..a.len() - 1].to_vec()
                }
                (None, Some(b), _) => b[..b.len() - 1].to_vec(),
                (None, None, _) => return Vec::new(),
            }
        }
    };
    // Descend into a wrapper level the table leaves implicit.
    let mut level = out;
    for &i in &path {
        level = &level[i].children;
    }
    if let [only] = level {
        if only.origin == Some(FieldOrigin::Wrapper) && only.list {
            path.push(0);
        }
    }
    path
}

fn at_path<'a>(fields: &'a mut Vec<Field>, path: &[usize]) -> Option<&'a mut Vec<Field>> {
    match path.split_first() {
        None => Some(fields),
        Some((i, rest)) => at_path(&mut fields.get_mut(*i)?.children, rest),
    }
}

fn place(
    file: &str,
    table: Vec<Field>,
    sample: &Sample,
    example_line: usize,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Field> {
    let mut rows = Vec::new();
    flatten(table, None, &mut rows);
    let mut flat = Vec::new();
    nodes(&sample.keys, None, &mut flat);
    let of_node = assign(&rows, &flat);
    let placed: Vec<bool> = (0..rows.len())
        .map(|r| of_node.contains(&Some(r)))
        .collect();
    let mut p = Placing {
        file,
        rows: &rows,
        nodes: &flat,
        of_node,
        example_line,
        trust_names: sample.repairs.is_empty(),
        warnings,
    };
    let mut out = p.build(None, None);
    // Rows the example does not show keep the table's placement.
    for r in (0..rows.len()).filter(|&r| !placed[r]) {
        let mut paths = vec![None; rows.len()];
        paths_of(&out, &mut Vec::new(), &rows, &mut paths);
        let row = &rows[r];
        p.warnings.push(
            Diagnostic::warning(
                DiagKind::ResponseNotInExample,
                row.field.source.clone(),
                format!("`{}` is in the response table but not in the success example (line {example_line}); the table's placement is kept", row.field.name),
            )
            .with_hint("the example may simply omit it; if the service puts it elsewhere, decoding misses it"),
        );
        let parent_path = table_place(&rows, r, &placed, &paths, &out);
        let field = table_shape(row.field.clone());
        if let Some(list) = at_path(&mut out, &parent_path) {
            // In table order among the documented fields there.
            let line = field.source.line;
            let at = list
                .iter()
                .position(|f| f.documented() && f.source.line > line)
                .unwrap_or(list.len());
            list.insert(at, field);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(name: &str, ty: &str, line: usize, children: Vec<Field>) -> Field {
        Field {
            name: name.into(),
            doc_type: ty.into(),
            kind: Default::default(),
            sensitive: false,
            example: None,
            description: String::new(),
            constraints: Vec::new(),
            children,
            list: false,
            source: Span::new("d", line),
            example_source: None,
            origin: None,
        }
    }

    fn example(format: &str, text: &str, line: usize) -> Example {
        Example {
            kind: ExampleKind::Response,
            format: format.into(),
            http_head: String::new(),
            text: text.into(),
            source: Span::new("d", line),
            root: None,
            flaw: None,
        }
    }

    /// `Name[]:origin` paths of a tree.
    fn shape(fields: &[Field]) -> Vec<String> {
        let mut out = Vec::new();
        for x in fields {
            let origin = match x.origin {
                Some(FieldOrigin::Wrapper) => ":wrapper",
                Some(FieldOrigin::Example) => ":example",
                None => "",
            };
            out.push(format!(
                "{}{}{origin}",
                x.name,
                if x.list { "[]" } else { "" }
            ));
            out.extend(
                shape(&x.children)
                    .into_iter()
                    .map(|c| format!("{}.{c}", x.name)),
            );
        }
        out
    }

    fn kinds(w: &[Diagnostic]) -> Vec<(&str, usize)> {
        w.iter().map(|d| (d.kind.as_str(), d.span.line)).collect()
    }

    #[test]
    fn flat_rows_go_where_the_example_puts_them() {
        // 2019: an empty-type parent, then its children flat; the example wraps them.
        let table = vec![
            f("Vpcs", "", 1, vec![]),
            f("VpcId", "String", 2, vec![]),
            f("Status", "String", 3, vec![]),
            f("RequestId", "String", 4, vec![]),
            f("Status", "String", 5, vec![]),
        ];
        let mut ex = [example(
            "json",
            "{\"RequestId\":\"r\",\"Status\":\"ok\",\n\"Vpcs\":{\"Vpc\":[{\"VpcId\":\"v\",\"Status\":\"A\",\"Extra\":1}]}}",
            20,
        )];
        let mut w = Vec::new();
        let out = reconcile("d", "DescribeVpcs", table, &mut ex, &mut w);
        assert_eq!(
            shape(&out),
            [
                "Vpcs",
                "Vpcs.Vpc[]:wrapper",
                "Vpcs.Vpc.VpcId",
                "Vpcs.Vpc.Status",
                "Vpcs.Vpc.Extra:example",
                "RequestId",
                "Status"
            ]
        );
        assert_eq!(out[0].children[0].children[1].source.line, 3);
        assert_eq!(out[2].source.line, 5);
        assert_eq!(out[0].example_source, Some(Span::new("d", 21)));
        assert_eq!(kinds(&w), [("response-example-only", 21)]);
    }

    #[test]
    fn rows_the_example_omits_go_where_their_table_neighbours_went() {
        // corpus DescribeRouterInterfaces (2019, flat): `AccessPointId` right after the
        // empty-type `RouterInterfaceSet`, before the members the example shows in its items.
        // corpus DescribeExpressCloudConnections: members of an empty list the example shows.
        // 2018 (`└` one level): the members of `Set` that the example lists in `Item`.
        let flat = vec![
            f("RouterInterfaceSet", "", 1, vec![]),
            f("AccessPointId", "String", 2, vec![]),
            f("BusinessStatus", "String", 3, vec![]),
            f("Models", "", 4, vec![]),
            f("InstanceId", "String", 5, vec![]),
            f("RequestId", "String", 6, vec![]),
        ];
        let mut ex = [example(
            "json",
            "{\"RouterInterfaceSet\":{\"RouterInterfaceType\":[{\"BusinessStatus\":\"Normal\",\n\"Models\":{\"Model\":[]}}]},\"RequestId\":\"r\"}",
            20,
        )];
        let mut w = Vec::new();
        let out = reconcile("d", "DescribeRouterInterfaces", flat, &mut ex, &mut w);
        assert_eq!(
            shape(&out),
            [
                "RouterInterfaceSet",
                "RouterInterfaceSet.RouterInterfaceType[]:wrapper",
                "RouterInterfaceSet.RouterInterfaceType.AccessPointId",
                "RouterInterfaceSet.RouterInterfaceType.BusinessStatus",
                "RouterInterfaceSet.RouterInterfaceType.Models",
                "RouterInterfaceSet.RouterInterfaceType.Models.Model[]:wrapper",
                "RouterInterfaceSet.RouterInterfaceType.Models.Model.InstanceId",
                "RequestId",
            ]
        );
        assert_eq!(
            kinds(&w),
            [
                ("response-not-in-example", 2),
                ("response-not-in-example", 5)
            ]
        );
        // corpus DescribeVirtualBorderRouters: group rows the example does not show
        // (`AssociatedCens`, then `AssociatedPhysicalConnections`) hold the rows after them,
        // side by side, up to the next row the example places.
        let groups = vec![
            f("Set", "", 1, vec![]),
            f("Id", "String", 2, vec![]),
            f("Cens", "", 3, vec![]),
            f("CenId", "String", 4, vec![]),
            f("Links", "", 5, vec![]),
            f("LinkId", "String", 6, vec![]),
            f("Name", "String", 7, vec![]),
            f("RequestId", "String", 8, vec![]),
        ];
        let mut ex = [example(
            "json",
            "{\"Set\":{\"Item\":[{\"Id\":\"i\",\"Name\":\"n\"}]},\"RequestId\":\"r\"}",
            20,
        )];
        let out = reconcile("d", "DescribeSets", groups, &mut ex, &mut Vec::new());
        assert_eq!(
            shape(&out),
            [
                "Set",
                "Set.Item[]:wrapper",
                "Set.Item.Id",
                "Set.Item.Cens",
                "Set.Item.Cens.CenId",
                "Set.Item.Links",
                "Set.Item.Links.LinkId",
                "Set.Item.Name",
                "RequestId",
            ]
        );
        let marked = vec![
            f(
                "Set",
                "",
                1,
                vec![f("Id", "String", 2, vec![]), f("Name", "String", 3, vec![])],
            ),
            f("RequestId", "String", 4, vec![]),
        ];
        let mut ex = [example(
            "json",
            "{\"Set\":{\"Item\":[{\"Name\":\"n\"}]},\"RequestId\":\"r\"}",
            20,
        )];
        let out = reconcile("d", "DescribeSets", marked, &mut ex, &mut Vec::new());
        assert_eq!(
            shape(&out),
            [
                "Set",
                "Set.Item[]:wrapper",
                "Set.Item.Id",
                "Set.Item.Name",
                "RequestId"
            ]
        );
    }

    #[test]
    fn a_gateway_envelope_example_leaves_the_structure_to_the_table() {
        // corpus ApplyPhysicalConnectionLOA (en-US): both samples are the gateway's envelope
        // (the XML one under a root that is not `…Response`); the table's `RequestId` stands.
        let table = vec![f("RequestId", "String", 1, vec![])];
        let mut ex = [
            example("xml", "<ApplyPhysicalConnectionLOA>\n  <code>200</code>\n  <httpStatusCode>200</httpStatusCode>\n  <message>successful</message>\n  <requestId>A47B</requestId>\n  <success>true</success>\n</ApplyPhysicalConnectionLOA>", 10),
            example("json", "{\"message\":\"successful\",\"httpStatusCode\":200,\"requestId\":\"A47B\",\"code\":\"200\",\"success\":true}", 20),
        ];
        let mut w = Vec::new();
        let out = reconcile("d", "ApplyPhysicalConnectionLOA", table, &mut ex, &mut w);
        assert_eq!(shape(&out), ["RequestId"]);
        assert_eq!(
            kinds(&w),
            [
                ("response-example-envelope", 10),
                ("response-example-envelope", 20)
            ]
        );
        assert!(ex
            .iter()
            .all(|e| e.flaw.as_deref().is_some_and(|f| f.contains("`code`"))));
        // A table that documents `Code` and `Success` is the body itself, not an envelope.
        let documented = vec![
            f("Code", "String", 1, vec![]),
            f("Success", "Boolean", 2, vec![]),
        ];
        let mut ex = [example("json", "{\"code\":\"200\",\"success\":true}", 20)];
        let mut w = Vec::new();
        reconcile("d", "X", documented, &mut ex, &mut w);
        assert!(ex[0].flaw.is_none());
    }

    #[test]
    fn array_of_and_one_item_shown_as_an_object() {
        // 2021: `Array of NatGateway`, a `NatGateway` row, and an XML-converted example.
        let table = vec![
            f("NatGateways", "Array of NatGateway", 1, vec![]),
            f("NatGateway", "", 2, vec![]),
            f("Ids", "List", 3, vec![]),
            f("Gone", "String", 4, vec![]),
        ];
        let mut ex = [example(
            "json",
            "{\"DescribeNatGatewaysResponse\":{\"NatGateways\":{\"NatGateway\":{\"Ids\":{\"Id\":\"x\"}}}}}",
            9,
        )];
        let mut w = Vec::new();
        let out = reconcile("d", "DescribeNatGateways", table, &mut ex, &mut w);
        assert_eq!(
            shape(&out),
            [
                "NatGateways",
                "NatGateways.NatGateway[]",
                "NatGateways.NatGateway.Ids",
                "NatGateways.NatGateway.Ids.Id[]:wrapper",
                "NatGateways.NatGateway.Gone"
            ]
        );
        assert_eq!(ex[0].root.as_deref(), Some("DescribeNatGatewaysResponse"));
        assert_eq!(kinds(&w), [("response-not-in-example", 4)]);
    }

    #[test]
    fn disagreements_and_bad_examples_are_said() {
        let table = vec![
            f("A", "Struct", 1, vec![f("B", "String", 2, vec![])]),
            f("C", "String", 3, vec![]),
        ];
        let mut ex = [
            example("json", "{\"A\": {\"C\": \"x\"},\n \"B\": ", 10),
            example("json", "{\"OtherResponse\": {\"A\": {}}}", 20),
            example(
                "xml",
                "<OpResponse><A><C>x</C></A><B>y</B></OpResponse>",
                30,
            ),
        ];
        let mut w = Vec::new();
        let out = reconcile("d", "Op", table, &mut ex, &mut w);
        assert_eq!(shape(&out), ["A", "A.C", "B"]);
        assert_eq!(
            kinds(&w),
            [
                ("response-example-unreadable", 11),
                ("response-example-other-operation", 20),
                ("response-placement-differs", 2)
            ]
        );
        assert!(ex[0].flaw.is_some() && ex[1].flaw.is_some() && ex[2].flaw.is_none());
    }

    #[test]
    fn without_an_example_the_table_decides() {
        let table = vec![
            f(
                "Set",
                "Array of Item",
                1,
                vec![f("Id", "String", 2, vec![])],
            ),
            f("Ids", "array<string>", 3, vec![]),
        ];
        let out = reconcile("d", "Op", table, &mut [], &mut Vec::new());
        assert_eq!(
            shape(&out),
            ["Set", "Set.Item[]:wrapper", "Set.Item.Id", "Ids[]"]
        );
    }
}
