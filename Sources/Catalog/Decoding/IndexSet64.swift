/// A set of small indices (`0..<count`): a bit mask up to 64, an array of flags beyond.
/// For the defaults a code overrides, marked for every code without allocating.
struct IndexSet64 {
    private var bits: UInt64 = 0
    private var flags: [Bool]

    init(count: Int) {
        flags = count > 64 ? [Bool](repeating: false, count: count) : []
    }

    mutating func insert(_ index: Int) {
        if flags.isEmpty { bits |= 1 << UInt64(index) } else { flags[index] = true }
    }

    func contains(_ index: Int) -> Bool {
        flags.isEmpty ? bits & (1 << UInt64(index)) != 0 : flags[index]
    }
}
