/// The hash of a lookup key in the `.qrt` index: 64-bit FNV-1a over the domain's host bytes,
/// one 0x00 byte, then the slug key's bytes (docs/table-format.md, "Hash index"). The low bits
/// pick the home slot, the high 32 bits are the slot's tag.
public enum KeyHash {
    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The running hash after `host` and the separator byte; continue with `continued`.
    static func hostState(_ host: String) -> UInt64 {
        var state = offsetBasis
        for byte in host.utf8 { state = (state ^ UInt64(byte)) &* prime }
        return (state ^ 0) &* prime
    }

    @inline(__always)
    static func continued(_ state: UInt64, _ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var state = state
        for byte in bytes { state = (state ^ UInt64(byte)) &* prime }
        return state
    }

    /// `continued` over `bytes` with A–Z taken as a–z when `foldingASCII` (the slug key of a
    /// case-insensitive domain, without building it).
    @inline(__always)
    static func continued(_ state: UInt64, _ bytes: UnsafeRawBufferPointer, foldingASCII: Bool) -> UInt64 {
        guard foldingASCII else { return continued(state, bytes) }
        var state = state
        for byte in bytes { state = (state ^ UInt64(byte &- 0x41 < 26 ? byte | 0x20 : byte)) &* prime }
        return state
    }

    /// The whole key's hash.
    public static func hash(host: String, slugKey: String) -> UInt64 {
        var state = hostState(host)
        for byte in slugKey.utf8 { state = (state ^ UInt64(byte)) &* prime }
        return state
    }
}
