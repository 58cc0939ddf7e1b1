/// How much of a table `QRTReader` checks before it answers (docs/table-format.md,
/// "Validation"). Lookups are bounds-checked in both modes and never trap.
public enum QRTVerification: Sendable, Hashable {
    /// Every section's checksum, the zero padding, and every structure: each string node,
    /// detail block, domain and code record, the code order and every index slot. After this,
    /// every lookup and `table()` succeed. Linear in the file size (about 0.3 s for 1,000,000
    /// codes; see docs/benchmarks.md).
    case full
    /// The header and directory (with their checksum) and the domain table (with its checksum)
    /// only: constant time however large the table, for servers that map a table already
    /// verified when it was built. A corrupt entry is then found when it is looked up (the
    /// lookup answers "no such code", `QRTReader.lookup` says why); `verify()` runs the rest.
    case header
}
