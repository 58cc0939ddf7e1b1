/// The version and error-correction level a symbol gets, without the symbol itself: what a
/// print check needs (module count, correction budget), at a fraction of the cost of encoding
/// (no Reed–Solomon, no placement, no mask selection).
public struct SymbolShape: Sendable, Equatable {
    /// 1…40.
    public let version: Int
    /// The level after `boostErrorCorrection`, as `encode` would use it.
    public let errorCorrection: ErrorCorrection

    /// Modules per side, without the quiet zone: `4 * version + 17`.
    public var size: Int { VersionTable.size(version) }
}

extension QREncoder {
    /// The version and level `encode(text:options:)` would choose for `text`, decided the same
    /// way (segmentation, version search, URL compaction, boost), without building the symbol.
    /// Throws exactly when `encode(text:options:)` throws.
    public static func shape(text: String, options: EncodeOptions = EncodeOptions()) throws(EncodeError) -> SymbolShape {
        try options.validate()
        let byteCount = text.utf8.count
        guard byteCount <= maxPayloadBytes else {
            throw .dataTooLong(bytes: byteCount, maxVersion: options.maxVersion, ecl: options.ecl)
        }
        let original = choose(TextUnits(text: text), options: options, allowKanji: true)
        let canShrink = original.map { $0.version > options.minVersion } ?? true
        if canShrink, case .automatic(let caseInsensitivePath) = options.urlCompaction,
           let compacted = URLCompactor.compact(text, caseInsensitivePath: caseInsensitivePath),
           let shorter = choose(TextUnits(text: compacted), options: options, allowKanji: true),
           original.map({ shorter.version < $0.version }) ?? true {
            return shape(of: shorter, options: options)
        }
        guard let original else {
            throw .dataTooLong(bytes: byteCount, maxVersion: options.maxVersion, ecl: options.ecl)
        }
        return shape(of: original, options: options)
    }

    /// A version that `encode(text:options:)` never exceeds for a text of `byteCount` UTF-8
    /// bytes, whatever the text: the smallest that holds all of it in one byte-mode segment
    /// behind the longest ECI designator (a plan the segmentation always has, so the optimal
    /// one is no longer). Nil when that does not fit `options.maxVersion` (the text may still
    /// fit: ask `shape(text:options:)`) or the options are invalid. Costs a table lookup per
    /// version, where `shape` plans the segments: a check that passes at this version passes
    /// without planning.
    public static func versionBound(byteCount: Int, options: EncodeOptions) -> Int? {
        guard byteCount >= 0, (try? options.validate()) != nil else { return nil }
        let longestECI = 4 + 24
        for versionClass in VersionClass.allCases {
            let bits = longestECI + 4 + Segment.Mode.byte.countBits(versionClass) + 8 * byteCount
            let lower = max(options.minVersion, versionClass.versions.lowerBound)
            let upper = min(options.maxVersion, versionClass.versions.upperBound)
            guard lower <= upper, byteCount < 1 << Segment.Mode.byte.countBits(versionClass) else { continue }
            if let version = (lower...upper).first(where: { bits <= VersionTable.dataBits($0, options.ecl) }) {
                return version
            }
        }
        return nil
    }

    /// The shape of a chosen plan: its version and the boosted level (as `finish` boosts).
    private static func shape(of choice: Choice, options: EncodeOptions) -> SymbolShape {
        let bits = choice.plan.bitCount
        let level = options.boostErrorCorrection
            ? ErrorCorrection.allCases.last { $0 >= options.ecl && bits <= VersionTable.dataBits(choice.version, $0) }
            : nil
        return SymbolShape(version: choice.version, errorCorrection: level ?? options.ecl)
    }
}
