//! Line numbers of byte offsets: every item, milestone and risk says the
//! line it was read on, and the source view anchors each block to its line.

/// Maps byte offsets to 1-based line numbers.
pub struct LineIndex {
    starts: Vec<usize>,
    /// The index in `starts` of the line of the last offset asked for:
    /// parser events come in document order, so the next answer is
    /// almost always this line or one of the next few.
    last: usize,
}

impl LineIndex {
    /// The index of `text`'s lines.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts, last: 0 }
    }

    /// The text of every line, without its `\n` (as `str::split` gives them).
    pub fn lines<'t>(&self, text: &'t str) -> Vec<&'t str> {
        let ends = (self.starts[1..].iter().map(|start| start - 1)).chain([text.len()]);
        (self.starts.iter().zip(ends))
            .map(|(&start, end)| &text[start..end])
            .collect()
    }

    /// The line of the byte at `offset`, counted from 1.
    pub fn line_of(&mut self, offset: usize) -> usize {
        let starts = &self.starts;
        let mut index = self.last;
        if offset < starts[index] {
            index = starts[..index].partition_point(|&s| s <= offset) - 1;
        } else {
            let mut steps = 0;
            while index + 1 < starts.len() && starts[index + 1] <= offset {
                index += 1;
                steps += 1;
                if steps == 8 {
                    // A long jump: search the rest.
                    index += starts[index + 1..].partition_point(|&s| s <= offset);
                    break;
                }
            }
        }
        self.last = index;
        index + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers_of_offsets_in_any_order() {
        let text = "a\nbb\n\nccc\n".repeat(20);
        let mut index = LineIndex::new(&text);
        let line = |offset: usize| text[..offset].matches('\n').count() + 1;
        let offsets = (0..=text.len())
            .chain((0..=text.len()).rev())
            .chain([3, 70, 5, 79, 0, 200, 1]);
        for offset in offsets {
            assert_eq!(index.line_of(offset), line(offset), "offset {offset}");
        }
    }

    #[test]
    fn lines_are_the_text_split_at_each_newline() {
        for text in ["", "\n", "a", "a\n", "a\r\nb", "\n\nfin", "é\n✅ x\n\n"] {
            let index = LineIndex::new(text);
            let expected: Vec<&str> = text.split('\n').collect();
            assert_eq!(index.lines(text), expected, "{text:?}");
        }
    }
}
