/// Our ISO/IEC 18004 QR Code (Model 2) encoder: all 40 versions, levels L/M/Q/H, numeric,
/// alphanumeric, byte and Kanji modes, ECI, optimal segmentation and URL compaction.
/// Pure and allocation-light; see `docs/encoder.md`.
public enum QREncoder {
    /// Encodes text: optimal segments over all four modes, an ECI 26 designator when byte
    /// mode carries non-ASCII (per `options.eci`), and URL compaction (per `options.urlCompaction`).
    public static func encode(text: String, options: EncodeOptions = EncodeOptions()) throws(EncodeError) -> EncodeResult {
        try options.validate()
        let byteCount = text.utf8.count
        guard byteCount <= maxPayloadBytes else {
            throw .dataTooLong(bytes: byteCount, maxVersion: options.maxVersion, ecl: options.ecl)
        }
        let input = TextUnits(text: text)
        let original = choose(input, options: options, allowKanji: true)

        // URL compaction, when it gives a smaller version (or makes the text fit at all).
        let canShrink = original.map { $0.version > options.minVersion } ?? true
        if canShrink, case .automatic(let caseInsensitivePath) = options.urlCompaction,
           let compacted = URLCompactor.compact(text, caseInsensitivePath: caseInsensitivePath) {
            let compactInput = TextUnits(text: compacted)
            if let shorter = choose(compactInput, options: options, allowKanji: true),
               original.map({ shorter.version < $0.version }) ?? true {
                return finish(shorter, input: compactInput, text: compacted, options: options,
                              versionWithoutCompaction: original?.version)
            }
        }
        guard let original else {
            throw .dataTooLong(bytes: input.bytes.count, maxVersion: options.maxVersion, ecl: options.ecl)
        }
        return finish(original, input: input, text: text, options: options, versionWithoutCompaction: nil)
    }

    /// Encodes binary data with optimal numeric / alphanumeric / byte segments (no Kanji, no
    /// URL compaction). With `.automatic` ECI, non-ASCII data that is valid UTF-8 gets ECI 26.
    public static func encode(bytes: [UInt8], options: EncodeOptions = EncodeOptions()) throws(EncodeError) -> EncodeResult {
        try options.validate()
        guard bytes.count <= maxPayloadBytes else {
            throw .dataTooLong(bytes: bytes.count, maxVersion: options.maxVersion, ecl: options.ecl)
        }
        let input = TextUnits(bytes: bytes)
        guard let choice = choose(input, options: options, allowKanji: false) else {
            throw .dataTooLong(bytes: bytes.count, maxVersion: options.maxVersion, ecl: options.ecl)
        }
        return finish(choice, input: input, text: String(decoding: bytes, as: UTF8.self),
                      options: options, versionWithoutCompaction: nil)
    }

    /// Encodes the given segments as they are (no ECI is added: include a `makeECI` segment).
    public static func encode(segments: [Segment], options: EncodeOptions = EncodeOptions()) throws(EncodeError) -> EncodeResult {
        try options.validate()
        for versionClass in VersionClass.allCases {
            var bits = 0
            var fits = true
            for segment in segments {
                guard let length = segment.bitLength(in: versionClass) else { fits = false; break }
                bits += length
            }
            guard fits, let version = smallestVersion(for: bits, in: versionClass, options: options) else { continue }
            let ecl = boostedLevel(bits: bits, version: version, options: options)
            var buffer = BitBuffer(capacityBytes: VersionTable.dataCodewords(version, ecl))
            for segment in segments { segment.write(to: &buffer, versionClass: versionClass) }
            let data = buffer.finishDataCodewords(capacityBytes: VersionTable.dataCodewords(version, ecl))
            let code = SymbolBuilder.build(version: version, ecl: ecl, dataCodewords: data, forcedMask: options.mask)
            return EncodeResult(code: code, encodedText: segments.map(\.text).joined(),
                                versionWithoutCompaction: nil, segmentModes: segments.map(\.mode))
        }
        let bytes = segments.reduce(0) { $0 + $1.text.utf8.count }
        throw .dataTooLong(bytes: bytes, maxVersion: options.maxVersion, ecl: options.ecl)
    }

    // MARK: - Version and segment choice

    /// No symbol holds more than 7,089 characters (numeric, 40-L), each at least one byte.
    static let maxPayloadBytes = 7089

    struct Choice {
        var version: Int
        var plan: SegmentPlan
    }

    /// The smallest version in the allowed range the input fits, with its segment plan.
    static func choose(_ input: TextUnits, options: EncodeOptions, allowKanji: Bool) -> Choice? {
        for versionClass in VersionClass.allCases
        where versionClass.versions.overlaps(options.minVersion...options.maxVersion) {
            guard let plan = bestPlan(input, versionClass: versionClass, options: options, allowKanji: allowKanji),
                  let version = smallestVersion(for: plan.bitCount, in: versionClass, options: options)
            else { continue }
            return Choice(version: version, plan: plan)
        }
        return nil
    }

    /// The cheapest plan under the ECI policy.
    ///
    /// Kanji mode is only used without an ECI designator: decoders disagree on Kanji segments
    /// after one (zxing-cpp drops them after ECI 26), so with an ECI the text goes to the
    /// other modes. With `.automatic` and non-ASCII UTF-8 there are then two candidates: ECI 26
    /// with byte mode free to carry UTF-8, or no ECI with every non-ASCII character in Kanji
    /// mode (possible when all of them are JIS X 0208 characters); the smaller wins, no ECI
    /// on a tie.
    private static func bestPlan(
        _ input: TextUnits, versionClass: VersionClass, options: EncodeOptions, allowKanji: Bool
    ) -> SegmentPlan? {
        func plan(eci: Int?, forbidNonASCIIBytes: Bool = false) -> SegmentPlan? {
            SegmentPlanner.plan(input, versionClass: versionClass, eciAssignment: eci,
                                allowKanji: allowKanji && eci == nil, forbidNonASCIIBytes: forbidNonASCIIBytes)
        }
        switch options.eci {
        case .never:
            return plan(eci: nil)
        case .always(let assignment):
            return plan(eci: assignment)
        case .automatic:
            guard input.hasNonASCII, input.isUTF8 else { return plan(eci: nil) }
            let withECI = plan(eci: 26)
            guard allowKanji, input.nonASCIIAreAllKanji, let kanji = plan(eci: nil, forbidNonASCIIBytes: true) else {
                return withECI
            }
            guard let withECI else { return kanji }
            return kanji.bitCount <= withECI.bitCount ? kanji : withECI
        }
    }

    private static func smallestVersion(for bits: Int, in versionClass: VersionClass, options: EncodeOptions) -> Int? {
        let lower = max(options.minVersion, versionClass.versions.lowerBound)
        let upper = min(options.maxVersion, versionClass.versions.upperBound)
        guard lower <= upper else { return nil }
        return (lower...upper).first { bits <= VersionTable.dataBits($0, options.ecl) }
    }

    /// The strongest level at or above `options.ecl` that still holds `bits` in `version`.
    private static func boostedLevel(bits: Int, version: Int, options: EncodeOptions) -> ErrorCorrection {
        guard options.boostErrorCorrection else { return options.ecl }
        return ErrorCorrection.allCases.last { $0 >= options.ecl && bits <= VersionTable.dataBits(version, $0) }
            ?? options.ecl
    }

    private static func finish(
        _ choice: Choice, input: TextUnits, text: String, options: EncodeOptions, versionWithoutCompaction: Int?
    ) -> EncodeResult {
        let ecl = boostedLevel(bits: choice.plan.bitCount, version: choice.version, options: options)
        let capacity = VersionTable.dataCodewords(choice.version, ecl)
        var buffer = BitBuffer(capacityBytes: capacity)
        SegmentPlanner.write(choice.plan, input: input, to: &buffer)
        let data = buffer.finishDataCodewords(capacityBytes: capacity)
        let code = SymbolBuilder.build(version: choice.version, ecl: ecl, dataCodewords: data, forcedMask: options.mask)
        var modes = choice.plan.runs.map(\.mode)
        if choice.plan.eciAssignment != nil { modes.insert(.eci, at: 0) }
        return EncodeResult(code: code, encodedText: text, versionWithoutCompaction: versionWithoutCompaction,
                            segmentModes: modes)
    }
}
