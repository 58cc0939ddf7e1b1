import Routing

/// Codes' objects exactly as `redirects.json` writes them (minified, no separator), made ahead
/// of the document: `qrops build` makes them per code file in lint's parallel pass and keeps
/// them in its cache, so that the document is spliced from them rather than written code by
/// code (`TableJSONWriter.write(_:chunkSize:codeJSON:sources:to:)`).
public struct CodeJSON: Sendable, Equatable {
    /// The objects, one after another (kept as a slice of the build cache's pack when read
    /// from there).
    public private(set) var bytes: ArraySlice<UInt8> = []
    /// Where each object ends, counted from the start of `bytes`.
    public private(set) var ends: [Int] = []

    public init() {}

    /// The objects of `codes`, in order.
    public init(_ codes: [TableCode]) {
        var json = JSONStream(pretty: false)
        json.reserve(codes.count * 560)
        ends.reserveCapacity(codes.count)
        for index in codes.indices {
            TableJSONWriter.write(codes[index], &json)
            ends.append(json.bytes.count)
        }
        bytes = json.bytes[...]
    }

    /// Objects kept from an earlier `init(_:)`; nil when `ends` does not cut `bytes` into
    /// pieces (each non-empty, the last ending at the end).
    public init?(bytes: ArraySlice<UInt8>, ends: [Int]) {
        var previous = 0
        for end in ends {
            guard end > previous else { return nil }
            previous = end
        }
        guard previous == bytes.count else { return nil }
        self.bytes = bytes
        self.ends = ends
    }

    public var count: Int { ends.count }

    /// The bytes of object `index`, counted from the start of `bytes`.
    func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }
}
