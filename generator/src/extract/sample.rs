//! The structure a page's own success example shows: which keys sit where, which are lists,
//! with the example line of each key. JSON is read by a small parser that keeps lines; XML by
//! a tolerant one, since PDF text breaks tags (`< PhysicalCo nnectionSe t >`, a closing tag
//! cut off). Every repair is recorded so that the caller can report it.

/// What a key holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Object,
    Str,
    Int,
    Float,
    Bool,
    /// `null`, an empty list, or an XML element with neither text nor children.
    Empty,
}

/// One key of the example. The members of a list of objects are the union of its items'.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    pub key: String,
    /// Line in the document.
    pub line: usize,
    pub list: bool,
    pub kind: Kind,
    pub children: Vec<Shape>,
}

/// The keys of an example body.
#[derive(Debug, Default, PartialEq)]
pub struct Sample {
    /// The root object the sample wraps its body in (`DescribeVpcsResponse`), if any.
    pub root: Option<String>,
    pub keys: Vec<Shape>,
    /// What had to be repaired to read it (broken keys, unclosed tags), for a diagnostic.
    pub repairs: Vec<String>,
}

/// Why an example could not be read, and at which document line.
#[derive(Debug, PartialEq)]
pub struct Unreadable {
    pub line: usize,
    pub reason: String,
}

/// A key as the service spells it: PDF text breaks words with spaces.
fn repaired_key(raw: &str, repairs: &mut Vec<String>) -> String {
    let key: String = raw.split_whitespace().collect();
    if key != raw {
        repairs.push(format!("key `{raw}` read as `{key}`"));
    }
    key
}

/// Adds `shape` to `list`, merging it into a sibling with the same key (an XML element that
/// repeats is a list; list items contribute their members).
fn merge_into(list: &mut Vec<Shape>, shape: Shape, repeated_is_list: bool) {
    match list.iter_mut().find(|s| s.key == shape.key) {
        Some(existing) => {
            existing.list |= shape.list || repeated_is_list;
            if existing.kind == Kind::Empty {
                existing.kind = shape.kind;
            }
            for child in shape.children {
                merge_into(&mut existing.children, child, false);
            }
        }
        None => list.push(shape),
    }
}

/// Unwraps a single `<Something>Response` root object.
fn unwrap_root(mut keys: Vec<Shape>) -> (Option<String>, Vec<Shape>) {
    match keys.as_slice() {
        [only] if only.key.ends_with("Response") && only.kind == Kind::Object && !only.list => {
            let root = keys.remove(0);
            (Some(root.key), root.children)
        }
        _ => (None, keys),
    }
}

// ---- JSON ----

/// Nesting deeper than this is not an API response; the parser stops instead of recursing.
const MAX_DEPTH: usize = 64;

struct Json<'a> {
    text: &'a [u8],
    at: usize,
    line: usize,
    repairs: Vec<String>,
}

/// A parsed value: its kind, whether it is a list, and its members.
type Value = (Kind, bool, Vec<Shape>);

impl Json<'_> {
    fn error(&self, what: &str) -> Unreadable {
        Unreadable {
            line: self.line,
            reason: what.to_string(),
        }
    }

    fn skip_space(&mut self) {
        while let Some(&b) = self.text.get(self.at) {
            match b {
                b'\n' => self.line += 1,
                b' ' | b'\t' | b'\r' => {}
                _ => break,
            }
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.text.get(self.at).copied()
    }

    fn expect(&mut self, b: u8) -> Result<(), Unreadable> {
        if self.peek() == Some(b) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(&format!("expected `{}`", b as char)))
        }
    }

    fn string(&mut self) -> Result<String, Unreadable> {
        self.expect(b'"')?;
        let start = self.at;
        let mut escaped = false;
        while let Some(&b) = self.text.get(self.at) {
            self.at += 1;
            match b {
                b'\n' => return Err(self.error("a string runs past the end of its line")),
                b'\\' if !escaped => escaped = true,
                b'"' if !escaped => {
                    let raw = &self.text[start..self.at - 1];
                    return Ok(String::from_utf8_lossy(raw).into_owned());
                }
                _ => escaped = false,
            }
        }
        Err(self.error("the example ends inside a string"))
    }

    fn value(&mut self, depth: usize) -> Result<Value, Unreadable> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        match self.peek() {
            Some(b'{') => {
                self.at += 1;
                let mut members = Vec::new();
                if self.peek() == Some(b'}') {
                    self.at += 1;
                    return Ok((Kind::Object, false, members));
                }
                loop {
                    self.skip_space();
                    let line = self.line;
                    let raw = self.string()?;
                    let key = repaired_key(&raw, &mut self.repairs);
                    self.expect(b':')?;
                    let (kind, list, children) = self.value(depth + 1)?;
                    merge_into(
                        &mut members,
                        Shape {
                            key,
                            line,
                            list,
                            kind,
                            children,
                        },
                        false,
                    );
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok((Kind::Object, false, members));
                        }
                        _ => return Err(self.error("expected `,` or `}` after a member")),
                    }
                }
            }
            Some(b'[') => {
                self.at += 1;
                let (mut kind, mut members) = (Kind::Empty, Vec::new());
                if self.peek() == Some(b']') {
                    self.at += 1;
                    return Ok((kind, true, members));
                }
                loop {
                    let (k, _, children) = self.value(depth + 1)?;
                    if kind == Kind::Empty {
                        kind = k;
                    }
                    for c in children {
                        merge_into(&mut members, c, false);
                    }
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok((kind, true, members));
                        }
                        _ => return Err(self.error("expected `,` or `]` after an item")),
                    }
                }
            }
            Some(b'"') => self.string().map(|_| (Kind::Str, false, Vec::new())),
            Some(_) => {
                let start = self.at;
                while self
                    .text
                    .get(self.at)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || b"+-.".contains(b))
                {
                    self.at += 1;
                }
                let word = std::str::from_utf8(&self.text[start..self.at]).unwrap_or("");
                let kind = match word {
                    "true" | "false" => Kind::Bool,
                    "null" => Kind::Empty,
                    w if w.parse::<i64>().is_ok() => Kind::Int,
                    w if w.parse::<f64>().is_ok() => Kind::Float,
                    _ => return Err(self.error("expected a value")),
                };
                Ok((kind, false, Vec::new()))
            }
            None => Err(self.error("the example ends before a value")),
        }
    }
}

/// Reads a JSON sample whose first line is document line `line`.
pub fn json(text: &str, line: usize) -> Result<Sample, Unreadable> {
    let mut p = Json {
        text: text.as_bytes(),
        at: 0,
        line,
        repairs: Vec::new(),
    };
    let (kind, list, members) = p.value(0)?;
    if kind != Kind::Object || list {
        return Err(p.error("the example is not a JSON object"));
    }
    if p.peek().is_some() {
        return Err(p.error("text after the end of the JSON object"));
    }
    let (root, keys) = unwrap_root(members);
    Ok(Sample {
        root,
        keys,
        repairs: p.repairs,
    })
}

// ---- XML ----

/// An element being read: name, line, children, and whether text was seen in it.
struct Open {
    name: String,
    line: usize,
    children: Vec<Shape>,
    text: bool,
}

impl Open {
    fn close(self) -> Shape {
        let kind = match (self.children.is_empty(), self.text) {
            (false, _) => Kind::Object,
            (true, true) => Kind::Str,
            (true, false) => Kind::Empty,
        };
        Shape {
            key: self.name,
            line: self.line,
            list: false,
            kind,
            children: self.children,
        }
    }
}

/// A tag at the start of `rest` (which begins with `<`): closing?, name, self-closing?, length.
fn tag(rest: &str) -> Option<(bool, &str, bool, usize)> {
    let inner = &rest[1..];
    let end = inner.find(['>', '<'])?;
    if inner.as_bytes().get(end) != Some(&b'>') {
        return None;
    }
    let body = inner[..end].trim();
    let (closing, body) = match body.strip_prefix('/') {
        Some(b) => (true, b.trim()),
        None => (false, body),
    };
    let (body, empty) = match body.strip_suffix('/') {
        Some(b) => (b.trim(), true),
        None => (body, false),
    };
    let valid = !body.is_empty()
        && body
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c.is_whitespace());
    valid.then_some((closing, body, empty, end + 2))
}

fn attach(stack: &mut [Open], top: &mut Vec<Shape>, shape: Shape) {
    match stack.last_mut() {
        Some(parent) => merge_into(&mut parent.children, shape, true),
        None => merge_into(top, shape, true),
    }
}

/// Reads an XML sample whose first line is document line `line`, repairing what PDF text
/// breaks: spaces in names, unclosed leaf elements, an opening tag lost before its closing tag.
pub fn xml(text: &str, line: usize) -> Result<Sample, Unreadable> {
    let mut repairs = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut top: Vec<Shape> = Vec::new();
    let mut at = 0;
    let mut line_no = line;
    while let Some(offset) = text[at..].find('<') {
        let between = &text[at..at + offset];
        line_no += between.matches('\n').count();
        if !between.trim().is_empty() {
            if let Some(open) = stack.last_mut() {
                open.text = true;
            }
        }
        at += offset;
        let rest = &text[at..];
        if rest.starts_with("<?") || rest.starts_with("<!") {
            let skip = rest.find('>').map_or(rest.len(), |e| e + 1);
            line_no += rest[..skip].matches('\n').count();
            at += skip;
            continue;
        }
        let Some((closing, raw, empty, len)) = tag(rest) else {
            // A tag broken by the page's text (`< PhysicalCo nnectionTy</pre>`): skipped up
            // to the next `<`; what it named is recovered from its closing tag, if any.
            let skip = rest[1..].find('<').map_or(rest.len(), |e| e + 1);
            repairs.push(format!("broken tag `{}` skipped", rest[..skip].trim()));
            line_no += rest[..skip].matches('\n').count();
            at += skip;
            continue;
        };
        line_no += rest[..len].matches('\n').count();
        at += len;
        let name = repaired_key(raw, &mut repairs);
        if name.eq_ignore_ascii_case("pre") {
            repairs.push("a stray `pre` tag of the page's HTML ignored".to_string());
            continue;
        }
        // A tag after text in an element without children: that text element was never closed.
        if stack
            .last()
            .is_some_and(|o| o.text && o.children.is_empty() && !(closing && o.name == name))
        {
            if let Some(o) = stack.pop() {
                repairs.push(format!("`{}` is not closed", o.name));
                let shape = o.close();
                attach(&mut stack, &mut top, shape);
            }
        }
        if closing {
            // A closing tag cut short by the page (`</DeleteBgpPeerRe>`) closes the open element
            // it begins.
            let at_open = stack.iter().rposition(|o| o.name == name).or_else(|| {
                let i = stack
                    .iter()
                    .rposition(|o| name.len() >= 3 && o.name.starts_with(name.as_str()))?;
                repairs.push(format!(
                    "closing tag `{name}` read as the end of `{}`",
                    stack[i].name
                ));
                Some(i)
            });
            match at_open {
                Some(i) => {
                    while stack.len() > i + 1 {
                        if let Some(o) = stack.pop() {
                            repairs.push(format!("`{}` is not closed", o.name));
                            let shape = o.close();
                            attach(&mut stack, &mut top, shape);
                        }
                    }
                    if let Some(o) = stack.pop() {
                        let shape = o.close();
                        attach(&mut stack, &mut top, shape);
                    }
                }
                None => {
                    // Its opening tag was lost: it held what its parent gathered so far.
                    let Some(parent) = stack.last_mut() else {
                        return Err(Unreadable {
                            line: line_no,
                            reason: format!("closing tag `{name}` without an element"),
                        });
                    };
                    repairs.push(format!("the opening tag of `{name}` is missing"));
                    let children = std::mem::take(&mut parent.children);
                    let line = children.first().map_or(line_no, |c| c.line);
                    let shape = Open {
                        name,
                        line,
                        children,
                        text: false,
                    }
                    .close();
                    merge_into(&mut parent.children, shape, true);
                }
            }
            continue;
        }
        let open = Open {
            name,
            line: line_no,
            children: Vec::new(),
            text: false,
        };
        if empty {
            let shape = open.close();
            attach(&mut stack, &mut top, shape);
        } else if stack.len() > MAX_DEPTH {
            return Err(Unreadable {
                line: line_no,
                reason: "nested too deeply".to_string(),
            });
        } else {
            stack.push(open);
        }
    }
    while let Some(o) = stack.pop() {
        repairs.push(format!("`{}` is not closed", o.name));
        let shape = o.close();
        attach(&mut stack, &mut top, shape);
    }
    if top.is_empty() {
        return Err(Unreadable {
            line,
            reason: "no XML element could be read".to_string(),
        });
    }
    let (root, keys) = unwrap_root(top);
    Ok(Sample {
        root,
        keys,
        repairs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(shapes: &[Shape]) -> Vec<String> {
        let mut out = Vec::new();
        for s in shapes {
            out.push(format!(
                "{}{}@{}",
                s.key,
                if s.list { "[]" } else { "" },
                s.line
            ));
            out.extend(
                keys(&s.children)
                    .into_iter()
                    .map(|k| format!("{}.{k}", s.key)),
            );
        }
        out
    }

    #[test]
    fn json_keys_lines_lists_and_root() {
        let s = json(
            "{\"DescribeXResponse\": {\n \"Vpcs\": {\"Vpc\": [\n  {\"Id\": \"a\"},\n  {\"Cidr\": 1}]},\n \"RequestId\": \"r\"}}",
            10,
        )
        .unwrap();
        assert_eq!(s.root.as_deref(), Some("DescribeXResponse"));
        assert_eq!(
            keys(&s.keys),
            [
                "Vpcs@11",
                "Vpcs.Vpc[]@11",
                "Vpcs.Vpc.Id@12",
                "Vpcs.Vpc.Cidr@13",
                "RequestId@14"
            ]
        );
        assert_eq!(s.keys[0].children[0].children[1].kind, Kind::Int);
    }

    #[test]
    fn json_broken_keys_are_repaired_and_said() {
        let s = json("{ \" PhysicalCo nnectionId \": \" pc -1\" }", 1).unwrap();
        assert_eq!(s.keys[0].key, "PhysicalConnectionId");
        assert_eq!(s.repairs.len(), 1);
    }

    #[test]
    fn bad_json_says_where() {
        let e = json("{\n \"A\": 1,\n \"B\": \n", 5).unwrap_err();
        assert_eq!(e.line, 8);
        assert!(json("\" Name \": \"x\",\n}", 1).is_err());
        assert!(json(&"[".repeat(100_000), 1).is_err());
        assert!(json("{\"A\": 1} trailing", 1).is_err());
    }

    #[test]
    fn xml_lists_from_repeated_elements() {
        let s = xml(
            "<R>\n<Items><Item><Id>1</Id></Item><Item><Id>2</Id></Item></Items>\n<Empty/>\n</R>",
            1,
        )
        .unwrap();
        assert_eq!(s.root, None);
        assert_eq!(
            keys(&s.keys),
            [
                "R@1",
                "R.Items@2",
                "R.Items.Item[]@2",
                "R.Items.Item.Id@2",
                "R.Empty@3"
            ]
        );
        assert!(s.repairs.is_empty());
    }

    #[test]
    fn a_closing_tag_cut_short_closes_the_element_it_begins() {
        // corpus DeleteBgpPeer (both languages): `</DeleteBgpPeerRe>` closes the response.
        let text = "<DeleteBgpPeerResponse>\n    <RequestId>0ED8</RequestId>\n</DeleteBgpPeerRe>";
        let s = xml(text, 10).unwrap();
        assert_eq!(s.root.as_deref(), Some("DeleteBgpPeerResponse"));
        assert_eq!(keys(&s.keys), ["RequestId@11"]);
        assert_eq!(
            s.repairs,
            ["closing tag `DeleteBgpPeerRe` read as the end of `DeleteBgpPeerResponse`"]
        );
    }

    #[test]
    fn xml_pdf_breakage_is_repaired_and_said() {
        // Seed 003's DescribePhysicalConnections sample, shortened.
        let text = "< DescribePh ysicalConn ectionsRes ponse >\n < PageNumber > 1 </ PageNumber >\n < RequestId > 7C07 </\nRequestId >\n  < PhysicalCo nnectionSe t >\n    < PhysicalCo nnectionTy</pre>\n      < Type > VPC </ Type >\n      < EnabledTim e > 2017 / EnabledTim e\n      < AccessPoin tId > ap </ AccessPoin\n      < PortType > 100Base - T \n</ PhysicalCo nnectionTy pe >\n </ PhysicalCo nnectionSe t >\n</ DescribePh ysicalConn ectionsRes ponse >";
        let s = xml(text, 100).unwrap();
        assert_eq!(
            s.root.as_deref(),
            Some("DescribePhysicalConnectionsResponse")
        );
        assert_eq!(
            keys(&s.keys),
            [
                "PageNumber@101",
                "RequestId@102",
                "PhysicalConnectionSet@104",
                "PhysicalConnectionSet.PhysicalConnectionType@106",
                "PhysicalConnectionSet.PhysicalConnectionType.Type@106",
                "PhysicalConnectionSet.PhysicalConnectionType.EnabledTime@107",
                "PhysicalConnectionSet.PhysicalConnectionType.AccessPointId@108",
                "PhysicalConnectionSet.PhysicalConnectionType.PortType@109",
            ]
        );
        assert!(s
            .repairs
            .iter()
            .any(|r| r.contains("opening tag of `PhysicalConnectionType`")));
        assert!(xml("<? xml version =\" 1 \"? > \" RequestId \": \"x\"", 1).is_err());
        assert!(xml("</A>", 1).is_err());
    }
}
