#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| delegation_lab::fuzz_bodies::record_form(data));
