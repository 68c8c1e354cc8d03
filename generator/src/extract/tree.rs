//! Building trees from rows that carry a nesting depth (parameters and response fields).

/// Nests `items` (in document order, each with its depth) so that every item becomes a
/// child of the nearest preceding item with a smaller depth.
pub fn nest<T>(items: Vec<(u8, T)>, children: fn(&mut T) -> &mut Vec<T>) -> Vec<T> {
    let mut roots = Vec::new();
    let mut stack: Vec<(u8, T)> = Vec::new();
    for (depth, item) in items {
        close(&mut stack, &mut roots, children, depth);
        stack.push((depth, item));
    }
    close(&mut stack, &mut roots, children, 0);
    roots
}

/// Pops every open item at `depth` or deeper, attaching each to its parent.
fn close<T>(
    stack: &mut Vec<(u8, T)>,
    roots: &mut Vec<T>,
    children: fn(&mut T) -> &mut Vec<T>,
    depth: u8,
) {
    while stack.last().is_some_and(|(d, _)| *d >= depth) {
        let Some((_, done)) = stack.pop() else { break };
        match stack.last_mut() {
            Some((_, parent)) => children(parent).push(done),
            None => roots.push(done),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct N(&'static str, Vec<N>);

    #[test]
    fn nests_by_depth_and_keeps_order() {
        let items = vec![
            (0, N("a", vec![])),
            (1, N("b", vec![])),
            (2, N("c", vec![])),
            (1, N("d", vec![])),
            (0, N("e", vec![])),
        ];
        let t = nest(items, |n| &mut n.1);
        assert_eq!(
            t,
            vec![
                N("a", vec![N("b", vec![N("c", vec![])]), N("d", vec![])]),
                N("e", vec![])
            ]
        );
    }

    #[test]
    fn depth_jumps_attach_to_nearest_shallower() {
        let t = nest(
            vec![
                (2, N("x", vec![])),
                (0, N("y", vec![])),
                (3, N("z", vec![])),
            ],
            |n| &mut n.1,
        );
        assert_eq!(t, vec![N("x", vec![]), N("y", vec![N("z", vec![])])]);
    }
}
