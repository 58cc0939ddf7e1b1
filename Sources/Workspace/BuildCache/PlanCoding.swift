import Artwork
import Catalog
import Diagnostics
import QREncoder

/// A file's half of the build plan (`BuildPlanner.FilePlan`) and its artwork plans in a cached
/// record (`BuildProducts`). Floating-point settings keep their exact bit patterns.
extension RecordWriter {
    mutating func filePlan(_ plan: BuildPlanner.FilePlan) {
        flag(plan.keepsArtwork)
        count(plan.counts.count)
        for number in plan.counts { count(number) }
        count(plan.items.count)
        for item in plan.items {
            switch item {
            case .unsafe(let diagnostic):
                count(0)
                self.diagnostic(diagnostic)
            case .candidate(let id, _, let outcome):
                count(1)
                located(id) { $0.string($1) }
                switch outcome {
                case .planned(let plan):
                    count(0)
                    artworkPlan(plan)
                case .printed:
                    count(1)
                case .refused(let diagnostic):
                    count(2)
                    self.diagnostic(diagnostic)
                }
            }
        }
    }

    mutating func planSummary(_ summary: PlannedFile.Summary) {
        flag(summary.keepsArtwork)
        count(summary.counts.count)
        for number in summary.counts { count(number) }
        count(summary.printed)
        flag(summary.hasFindings)
        rawBytes(summary.digest.bytes[...])
    }

    mutating func artworkPlan(_ plan: ArtworkPlan) {
        located(plan.codeID) { $0.string($1) }
        location(plan.slugLocation)
        string(plan.payload)
        let options = plan.options
        count(ErrorCorrection.allCases.firstIndex(of: options.ecl) ?? 0)
        signed(Int64(options.minVersion))
        signed(Int64(options.maxVersion))
        optional(options.mask) { $0.signed(Int64($1)) }
        flag(options.boostErrorCorrection)
        switch options.eci {
        case .automatic: count(0)
        case .never: count(1)
        case .always(let assignment):
            count(2)
            signed(Int64(assignment))
        }
        switch options.urlCompaction {
        case .off: count(0)
        case .automatic(let caseInsensitivePath): count(caseInsensitivePath ? 2 : 1)
        }
        colour(plan.style.foreground)
        optional(plan.style.background) { $0.colour($1) }
        signed(Int64(plan.style.quietZone))
        varint(plan.style.size.millimetres.bitPattern)
        signed(Int64(plan.style.dpi))
        count(plan.formats.count)
        for format in plan.formats { count(Artwork.ArtworkFormat.allCases.firstIndex(of: format) ?? 0) }
        let settings = plan.settingLocations.all
        count(settings.count)
        for setting in settings { optional(setting) { $0.location($1) } }
        location(plan.codeLocation)
    }

    private mutating func colour(_ colour: Artwork.Colour) {
        switch colour {
        case let .rgb(red, green, blue):
            count(0)
            for channel in [red, green, blue] { count(Int(channel)) }
        case let .cmyk(cyan, magenta, yellow, black):
            count(1)
            for ink in [cyan, magenta, yellow, black] { varint(ink.bitPattern) }
        }
    }
}

extension RecordReader {
    mutating func planSummary() throws(Malformed) -> PlannedFile.Summary {
        let keepsArtwork = try flag()
        let counts = try list { (reader) throws(Malformed) in try reader.count() }
        guard counts.count == CodeStatus.allCases.count else { throw Malformed() }
        let printed = try count()
        let hasFindings = try flag()
        let digest = try rawBytes()
        guard digest.count == SHA256.digestByteCount else { throw Malformed() }
        return PlannedFile.Summary(counts: counts, printed: printed, hasFindings: hasFindings, keepsArtwork: keepsArtwork,
                                   digest: SHA256.Digest(bytes: Array(digest)))
    }

    mutating func filePlan() throws(Malformed) -> BuildPlanner.FilePlan {
        let keepsArtwork = try flag()
        let counts = try list { (reader) throws(Malformed) in try reader.count() }
        guard counts.count == CodeStatus.allCases.count else { throw Malformed() }
        let items = try list { (reader) throws(Malformed) -> BuildPlanner.FilePlan.Item in
            switch try reader.count() {
            case 0:
                return .unsafe(try reader.diagnostic())
            case 1:
                let id = try reader.located { (reader) throws(Malformed) in try reader.string() }
                let outcome: BuildPlanner.FilePlan.Outcome
                switch try reader.count() {
                case 0:
                    guard keepsArtwork else { throw Malformed() }
                    outcome = .planned(try reader.artworkPlan())
                case 1: outcome = .printed
                case 2: outcome = .refused(try reader.diagnostic())
                default: throw Malformed()
                }
                return .candidate(id: id, folded: ArtworkFileName.folded(id.value), outcome: outcome)
            default:
                throw Malformed()
            }
        }
        return BuildPlanner.FilePlan(counts: counts, items: items, keepsArtwork: keepsArtwork)
    }

    mutating func artworkPlan() throws(Malformed) -> ArtworkPlan {
        let codeID = try located { (reader) throws(Malformed) in try reader.string() }
        let slugLocation = try location()
        let payload = try string()
        let ecl = try choice(ErrorCorrection.allCases)
        let minVersion = try int()
        let maxVersion = try int()
        let mask = try optional { (reader) throws(Malformed) in try reader.int() }
        let boost = try flag()
        let eci: ECIPolicy
        switch try count() {
        case 0: eci = .automatic
        case 1: eci = .never
        case 2: eci = .always(try int())
        default: throw Malformed()
        }
        let compaction: URLCompaction
        switch try count() {
        case 0: compaction = .off
        case 1: compaction = .automatic(caseInsensitivePath: false)
        case 2: compaction = .automatic(caseInsensitivePath: true)
        default: throw Malformed()
        }
        let foreground = try colour()
        let background = try optional { (reader) throws(Malformed) in try reader.colour() }
        let quietZone = try int()
        let size = PhysicalLength(millimetres: Double(bitPattern: try varint()))
        let dpi = try int()
        let formats = try list { (reader) throws(Malformed) in try reader.choice(Artwork.ArtworkFormat.allCases) }
        let settings = try list { (reader) throws(Malformed) in try reader.optional { (reader) throws(Malformed) in try reader.location() } }
        guard let settingLocations = ArtworkPlan.SettingLocations(all: settings) else { throw Malformed() }
        let codeLocation = try location()
        let options = EncodeOptions(ecl: ecl, minVersion: minVersion, maxVersion: maxVersion, mask: mask, boostErrorCorrection: boost,
                                    eci: eci, urlCompaction: compaction)
        let style = ArtworkStyle(foreground: foreground, background: background, quietZone: quietZone, size: size, dpi: dpi)
        return ArtworkPlan(codeID: codeID, slugLocation: slugLocation, payload: payload, options: options, style: style,
                           formats: formats, settingLocations: settingLocations, codeLocation: codeLocation)
    }

    private mutating func colour() throws(Malformed) -> Artwork.Colour {
        switch try count() {
        case 0:
            var channels: [UInt8] = []
            for _ in 0..<3 {
                guard let channel = UInt8(exactly: try count()) else { throw Malformed() }
                channels.append(channel)
            }
            return .rgb(red: channels[0], green: channels[1], blue: channels[2])
        case 1:
            var inks: [Double] = []
            for _ in 0..<4 { inks.append(Double(bitPattern: try varint())) }
            return .cmyk(cyan: inks[0], magenta: inks[1], yellow: inks[2], black: inks[3])
        default:
            throw Malformed()
        }
    }
}
