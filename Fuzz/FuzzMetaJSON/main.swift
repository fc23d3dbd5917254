// Entry point: libFuzzer's driver calls `fuzz` (also exported as LLVMFuzzerTestOneInput) once per input.
import FuzzSupport

FuzzDriver.run { data, size in
    guard let data else { return 0 }
    return fuzz(UnsafeRawPointer(data), size)
}
