import Dispatch
import Routing
import Synchronization

/// The `.qrt` writer's first pass, split in two: the strings each code refers to, in encoding
/// order, are gathered in parallel chunks of codes, each chunk numbering its own distinct
/// strings in order of first use (`local`); then, chunk after chunk, those are added to the one
/// `StringPoolBuilder` and the chunk's uses mapped to the global ids. A string new to the table
/// is first used in the chunk that adds it, in that chunk's order, so the ids and the use
/// stream are the ones a single sequential pass gives, and the bytes are the same.
struct GatheringRefs: StringRefs {
    /// The chunk's distinct strings by local id, and their hashes.
    var local = StringPoolBuilder()
    var strings: [String] = []
    var hashes: [UInt64] = []
    /// Local ids, one per use, in encoding order.
    var uses: [UInt32] = []
    /// Where each code's uses start in `uses` (its slug is the first).
    var codeStarts: [Int] = []

    mutating func ref(_ text: String) -> UInt32 {
        let (id, hash) = local.add(text)
        if id == strings.count {
            strings.append(text)
            hashes.append(hash)
        }
        uses.append(UInt32(truncatingIfNeeded: id))
        return 0
    }
}

enum StringGathering {
    /// Codes per chunk.
    static let chunkSize = 4_096

    /// What `collect` found besides the strings: where in the use stream each code's uses start
    /// (the first is its slug; the writer's second pass replays the stream from a chunk's first code).
    struct Gathered: Equatable {
        var codeStarts: [UInt32] = []
    }

    /// Adds every string `codes` refer to, in encoding order, to `collecting` (which numbers
    /// them and records the use stream). Throws what encoding the first failing code throws
    /// (the error a sequential pass would meet first).
    static func collect(_ codes: [TableCode], into collecting: inout CollectingRefs, chunkSize: Int = chunkSize) throws(QRTError)
        -> Gathered
    {
        var gathered = Gathered()
        gathered.codeStarts.reserveCapacity(codes.count)
        // In waves of a few chunks per core, so that only those chunks' strings are held at once
        // (at a million codes, all of them would be hundreds of megabytes). The next wave is
        // gathered while this one is added to the pool (which, numbering strings in order of
        // first use, is one thread's work).
        let product = chunkSize.multipliedReportingOverflow(by: 2 * max(1, System.cores))
        let wave = max(1, product.overflow || product.partialValue <= 0 ? codes.count : product.partialValue)
        let waves = stride(from: 0, to: codes.count, by: wave).map { $0..<min(codes.count, $0 + wave) }
        var ahead = waves.first.map { WaveAhead(codes[$0], chunkSize: chunkSize) }
        for index in waves.indices {
            guard let current = ahead else { break }
            let chunks = try current.chunks.get()
            ahead = index + 1 < waves.count ? WaveAhead(codes[waves[index + 1]], chunkSize: chunkSize) : nil
            for chunk in chunks {
                let base = collecting.stream.count
                let global = chunk.strings.indices.map { UInt32(truncatingIfNeeded: collecting.pool.add(chunk.strings[$0], hash: chunk.hashes[$0])) }
                for use in chunk.uses { collecting.stream.append(global[Int(use)]) }
                for start in chunk.codeStarts { gathered.codeStarts.append(UInt32(truncatingIfNeeded: base + start)) }
            }
        }
        return gathered
    }

    /// A wave of codes gathered on another thread from the moment this is made; `chunks` waits
    /// for it. (Workspace's `Background` does this for the build; this module sits below it and
    /// keeps the gathering's typed error.)
    private final class WaveAhead: Sendable {
        private let done = DispatchGroup()
        private let outcome = Mutex<Result<[GatheringRefs], QRTError>>(.success([]))

        init(_ codes: ArraySlice<TableCode>, chunkSize: Int) {
            done.enter()
            DispatchQueue.global().async { [self] in
                let result: Result<[GatheringRefs], QRTError>
                do throws(QRTError) {
                    result = .success(try StringGathering.gather(codes, chunkSize: chunkSize))
                } catch {
                    result = .failure(error)
                }
                outcome.withLock { $0 = result }
                done.leave()
            }
        }

        var chunks: Result<[GatheringRefs], QRTError> {
            done.wait()
            return outcome.withLock { $0 }
        }
    }

    /// Every string the codes refer to, chunk by chunk.
    static func gather(_ codes: ArraySlice<TableCode>, chunkSize: Int) throws(QRTError) -> [GatheringRefs] {
        let count = codes.count
        let first = codes.startIndex
        let chunks = count == 0 ? 0 : (count - 1) / chunkSize + 1
        let slots = Slots<(refs: GatheringRefs, error: QRTError?)>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = chunk * chunkSize
            let codesHere = min(chunkSize, count - start)
            var refs = GatheringRefs()
            refs.local.reserve(strings: codesHere * 4, bytes: codesHere * 120)
            refs.uses.reserveCapacity(codesHere * 12)
            refs.codeStarts.reserveCapacity(codesHere)
            var scratch = ByteWriter()
            var failure: QRTError?
            // Through the buffer: `codes[index]` would copy (retain and release) each code.
            codes[first + start..<first + start + codesHere].withUnsafeBufferPointer { codes in
                for index in codes.indices {
                    scratch.bytes.removeAll(keepingCapacity: true)
                    refs.codeStarts.append(refs.uses.count)
                    do throws(QRTError) {
                        try QRTWriter.encodeRecordStrings(codes[index], refs: &refs)
                        try QRTWriter.encodeDetail(codes[index], into: &scratch, refs: &refs)
                    } catch {
                        failure = error
                        break
                    }
                }
            }
            slots.set(chunk, (refs, failure))
        }
        let results = slots.values
        for result in results {
            if let error = result.error { throw error }
        }
        return results.map(\.refs)
    }
}
