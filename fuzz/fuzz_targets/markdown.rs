//! Fuzzes the markdown reader and the extractor behind it: any input must yield a document or a
//! diagnostic, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(doc) = specgen::readers::markdown::read("fuzz.txt", text) {
            let _ = specgen::extract::extract(&doc);
        }
    }
});
