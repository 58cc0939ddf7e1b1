import Testing
import TestSupport
@testable import Workspace

/// What every cached record's reader must survive: `bytes` cut at every length is refused
/// (`RecordReader.Malformed`), and 2,000 random damages (one to three bytes each) never trap.
enum RecordDamage {
    static func expectRefusedNeverATrap(_ bytes: [UInt8], seed: UInt64, decode: ([UInt8]) throws -> Void,
                                        sourceLocation: SourceLocation = #_sourceLocation) {
        for length in 0..<bytes.count {
            #expect(throws: RecordReader.Malformed.self, sourceLocation: sourceLocation) { try decode(Array(bytes[..<length])) }
        }
        var random = SplitMix64(seed: seed)
        for _ in 0..<2_000 {
            var damaged = bytes
            for _ in 0...(random.next() % 3) {
                damaged[Int(random.next() % UInt64(damaged.count))] = UInt8(truncatingIfNeeded: random.next())
            }
            _ = try? decode(damaged)
        }
    }
}
