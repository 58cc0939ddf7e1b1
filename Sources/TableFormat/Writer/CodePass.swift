import Dispatch
import Routing

/// The `.qrt` writer's second pass over the codes: the `CODE` records and the `DETL` section,
/// with real string offsets. Chunks of codes are encoded in parallel, each replaying the use
/// stream from where the first pass says its chunk starts, and each storing its distinct detail
/// blocks once; then, chunk after chunk, those blocks are added to the one section and the
/// chunk's records pointed at them. A block new to the table is first used in the chunk that
/// adds it, in that chunk's order, so the section is the one a single sequential pass writes.
enum CodePass {
    /// One chunk's records (their detail field holding the chunk's own block number) and its
    /// distinct blocks.
    struct Chunk {
        var records = ByteWriter()
        var blocks = DetailDeduper()
        var failure: QRTError?
    }

    /// Where a record's detail field sits.
    static let detailField = 16

    static func encode(_ codes: [TableCode], domainIndex: [ByteKey: Int], stream: [UInt32], offsets: [UInt32],
                       chunkStarts: [Int], chunkSize: Int) throws(QRTError) -> (codes: [UInt8], details: [UInt8]) {
        var records: [UInt8] = []
        records.reserveCapacity(codes.count * QRTLayout.codeRecordSize)
        var details = DetailDeduper()
        let chunks = chunkStarts.count
        // In waves of a few chunks per core, as the first pass, so that only those chunks'
        // blocks are held at once.
        let wave = max(1, 2 * System.cores)
        var first = 0
        while first < chunks {
            let end = min(chunks, first + wave), base = first
            let slots = Slots<Chunk>(count: end - first)
            DispatchQueue.concurrentPerform(iterations: end - first) { number in
                let chunk = base + number
                let start = chunk.multipliedReportingOverflow(by: chunkSize).partialValue
                let range = start..<min(codes.count, start + chunkSize)
                slots.set(number, encode(codes[range], domainIndex: domainIndex,
                                         refs: ReplayingRefs(stream: stream, offsets: offsets, position: chunkStarts[chunk])))
            }
            for var chunk in slots.values {
                if let failure = chunk.failure { throw failure }
                var global = [UInt32](repeating: 0, count: chunk.blocks.entries.count)
                for number in global.indices {
                    let entry = chunk.blocks.entries[number]
                    let offset = chunk.blocks.withBlock(number) { details.offset(of: $0, hash: entry.hash, limit: Int(UInt32.max) - 1) }
                    guard let offset else { throw .unwritable("the detail section exceeds 4 GiB") }
                    global[number] = UInt32(offset)
                }
                chunk.records.bytes.withUnsafeMutableBytes { bytes in
                    var field = detailField
                    while field < bytes.count {
                        let local = Int(bytes.loadUnaligned(fromByteOffset: field, as: UInt32.self).littleEndian)
                        bytes.storeBytes(of: global[local].littleEndian, toByteOffset: field, as: UInt32.self)
                        field += QRTLayout.codeRecordSize
                    }
                }
                records.append(contentsOf: chunk.records.bytes)
            }
            first = end
        }
        return (records, details.section.bytes)
    }

    /// One chunk: records and blocks (see `Chunk`).
    static func encode(_ codes: ArraySlice<TableCode>, domainIndex: [ByteKey: Int], refs: ReplayingRefs) -> Chunk {
        var refs = refs
        var chunk = Chunk()
        chunk.records.bytes.reserveCapacity(codes.count * QRTLayout.codeRecordSize)
        var scratch = ByteWriter()
        var lastDomain: (host: String, number: Int)?
        // Through the buffer: `codes[index]` would copy (retain and release) each code.
        codes.withUnsafeBufferPointer { codes in
            for index in codes.indices {
                do throws(QRTError) {
                    let strings = try QRTWriter.encodeRecordStrings(codes[index], refs: &refs)
                    scratch.bytes.removeAll(keepingCapacity: true)
                    try QRTWriter.encodeDetail(codes[index], into: &scratch, refs: &refs)
                    let block = scratch.bytes.withUnsafeBytes {
                        chunk.blocks.entry(of: $0, hash: StringPoolBuilder.hash($0), limit: Int.max)
                    }
                    chunk.records.u32(strings.slug)
                    chunk.records.u32(strings.id)
                    chunk.records.u32(strings.target)
                    chunk.records.u32(strings.fallback)
                    chunk.records.u32(UInt32(truncatingIfNeeded: block ?? 0))
                    // Codes of one domain are neighbours (canonical order).
                    let host = codes[index].domain
                    if lastDomain.map({ !ByteKey.bytesEqual($0.host, host) }) ?? true {
                        lastDomain = (host, domainIndex[ByteKey(host)] ?? 0)
                    }
                    chunk.records.u16(UInt16(lastDomain?.number ?? 0))
                    chunk.records.u8(QRTWriter.stateValue(codes[index].state))
                    chunk.records.u8(codes[index].forwardQuery ? QRTLayout.forwardQueryFlag : 0)
                } catch {
                    chunk.failure = error
                    return
                }
            }
        }
        return chunk
    }
}
