import CZlib

/// Bytes held deflated in memory (zlib, fastest level), for a second pass over a member that can be read only
/// once. A Meta HTML page deflates to about a tenth of its size.
final class DeflatedBytes {
    /// zlib keeps a pointer back to its stream, so the stream must not move.
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private var scratch = [UInt8](repeating: 0, count: 64 << 10)
    private var finished = false
    /// The deflated bytes.
    private(set) var data: [UInt8] = []
    /// How many bytes were given.
    private(set) var count = 0

    init() {
        stream.initialize(to: z_stream())
        _ = casebook_deflateInit(stream, Z_BEST_SPEED)
    }

    deinit {
        if !finished { deflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    func append(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty, !finished else { return }
        count += bytes.count
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(bytes.count)
        deflateAll(Z_NO_FLUSH)
    }

    /// Ends the stream; nothing can be appended after.
    func finish() {
        guard !finished else { return }
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        deflateAll(Z_FINISH)
        deflateEnd(stream)
        finished = true
    }

    private func deflateAll(_ flush: Int32) {
        repeat {
            scratch.withUnsafeMutableBufferPointer { out in
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = uInt(out.count)
                _ = deflate(stream, flush)
                data.append(contentsOf: out[0..<(out.count - Int(stream.pointee.avail_out))])
            }
        } while stream.pointee.avail_out == 0
    }

    /// Calls `body` with the bytes given, inflated, in pieces of at most `size` bytes.
    func forEachChunk(size: Int, _ body: (UnsafeRawBufferPointer) -> Void) {
        let inflater = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        inflater.initialize(to: z_stream())
        defer {
            inflateEnd(inflater)
            inflater.deinitialize(count: 1)
            inflater.deallocate()
        }
        guard casebook_inflateInit(inflater) == Z_OK else { return }
        var out = [UInt8](repeating: 0, count: max(size, 1))
        data.withUnsafeBufferPointer { input in
            inflater.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            inflater.pointee.avail_in = uInt(input.count)
            var status = Z_OK
            while status == Z_OK {
                out.withUnsafeMutableBufferPointer { buffer in
                    inflater.pointee.next_out = buffer.baseAddress
                    inflater.pointee.avail_out = uInt(buffer.count)
                    status = inflate(inflater, Z_NO_FLUSH)
                    let produced = buffer.count - Int(inflater.pointee.avail_out)
                    if produced > 0 { body(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[0..<produced]))) }
                }
            }
        }
    }
}
