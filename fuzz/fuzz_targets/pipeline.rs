//! Fuzzes format detection, every reader and the extractor on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = specgen::readers::read("fuzz.txt", data, None) {
        let _ = specgen::extract::extract(&doc);
    }
});
