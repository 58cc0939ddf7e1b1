import Artwork
import Catalog
import Diagnostics
import QREncoder

/// The artwork of one code: its short URL and how to encode and print it.
///
/// This file is the one adapter between the catalog's settings (`ArtworkSpec`, its `Colour`,
/// `Length` and `ArtworkFormat`) and the encoder's and renderers' types. Each setting is the
/// code's own (folder defaults already merged in), else the artwork policy's `defaults`, else
/// the built-in: ec M, size 25mm, formats [svg], quiet zone 4, #000000 on #FFFFFF, 300 dpi.
public struct ArtworkPlan: Sendable {
    public var codeID: Located<String>
    public var slugLocation: SourceLocation
    /// `https://<domain>/<slug>`, as encoded (before any URL compaction by the encoder).
    public var payload: String
    public var options: EncodeOptions
    public var style: ArtworkStyle
    /// In the order written, without repeats.
    public var formats: [Artwork.ArtworkFormat]
    /// Where each setting that did not come from the built-ins is written.
    var settingLocations = SettingLocations()
    var codeLocation: SourceLocation

    enum Setting: Hashable { case ec, size, formats, foreground, background, quietZone, dpi }

    /// One optional location per setting (a dictionary per code costs more than it holds).
    struct SettingLocations: Sendable {
        private var locations: [SourceLocation?] = []

        subscript(setting: Setting) -> SourceLocation? {
            get {
                let index = Self.index(setting)
                return index < locations.count ? locations[index] : nil
            }
            set {
                if locations.isEmpty { locations = Array(repeating: nil, count: 7) }
                locations[Self.index(setting)] = newValue
            }
        }

        init() {}

        /// As `all` gave them (`BuildProducts`' records): none, or one per setting.
        init?(all: [SourceLocation?]) {
            guard all.isEmpty || all.count == 7 else { return nil }
            locations = all
        }

        /// Every setting's location in a fixed order, or none when no setting has one.
        var all: [SourceLocation?] { locations }

        private static func index(_ setting: Setting) -> Int {
            switch setting {
            case .ec: 0
            case .size: 1
            case .formats: 2
            case .foreground: 3
            case .background: 4
            case .quietZone: 5
            case .dpi: 6
            }
        }
    }

    public static let builtInFormats: [Artwork.ArtworkFormat] = [.svg]

    /// The plan of `code`, published on `domain`; `caseInsensitivePath` lets URL compaction
    /// upper-case the slug.
    public init(code: Code, domain: String, caseInsensitivePath: Bool, policy: ArtworkPolicy) {
        let own = code.artwork
        let defaults = policy.defaults
        var locations = SettingLocations()
        func pick<Value>(_ field: KeyPath<ArtworkSpec, Located<Value>?>, _ setting: Setting) -> Value? {
            guard let located = own?[keyPath: field] ?? defaults?[keyPath: field] else { return nil }
            locations[setting] = located.location
            return located.value
        }
        let ec = pick(\.ec, .ec).flatMap { ErrorCorrection(rawValue: $0.rawValue) } ?? .medium
        let size = pick(\.size, .size).map { PhysicalLength(millimetres: $0.millimetres) } ?? ArtworkStyle.defaultSize
        let colours = [pick(\.foreground, .foreground), pick(\.background, .background)].map { colour in
            colour.map { value -> Artwork.Colour in
                switch value {
                case let .rgb(red, green, blue): .rgb(red: red, green: green, blue: blue)
                case let .cmyk(cyan, magenta, yellow, black): .cmyk(cyan: cyan, magenta: magenta, yellow: yellow, black: black)
                }
            }
        }
        let quietZone = pick(\.quietZone, .quietZone) ?? ArtworkStyle.defaultQuietZone
        let dpi = pick(\.dpi, .dpi) ?? ArtworkStyle.defaultDPI
        var formats: [Artwork.ArtworkFormat] = []
        for format in pick(\.formats, .formats)?.compactMap({ Artwork.ArtworkFormat(rawValue: $0.rawValue) }) ?? Self.builtInFormats
        where !formats.contains(format) {
            formats.append(format)
        }

        codeID = code.id
        slugLocation = code.slug.location
        codeLocation = code.location
        payload = ShortURL.make(domain: domain, slug: code.slug.value)
        options = EncodeOptions(ecl: ec, urlCompaction: .automatic(caseInsensitivePath: caseInsensitivePath))
        style = ArtworkStyle(foreground: colours[0] ?? .black, background: colours[1] ?? .white,
                             quietZone: quietZone, size: size, dpi: dpi)
        self.formats = formats
        settingLocations = locations
    }

    /// A plan as an earlier `init(code:…)` made it (`BuildProducts`' records).
    init(codeID: Located<String>, slugLocation: SourceLocation, payload: String, options: EncodeOptions, style: ArtworkStyle,
         formats: [Artwork.ArtworkFormat], settingLocations: SettingLocations, codeLocation: SourceLocation) {
        self.codeID = codeID
        self.slugLocation = slugLocation
        self.payload = payload
        self.options = options
        self.style = style
        self.formats = formats
        self.settingLocations = settingLocations
        self.codeLocation = codeLocation
    }

    /// Where to report a renderer's complaint: at the setting it is about.
    func location(of error: ArtworkError) -> SourceLocation {
        let setting: Setting? = switch error {
        case .sizeOutOfRange: .size
        case .dpiOutOfRange, .imageTooLarge: .dpi
        case .quietZoneOutOfRange: .quietZone
        case .invalidColour: .foreground
        case .compressionFailed: nil
        }
        let fallback = settingLocations[.size] ?? codeLocation
        return setting.flatMap { settingLocations[$0] } ?? fallback
    }

    /// Everything but the format that decides the bytes of the plan's files, for cache keys:
    /// length-prefixed payload, then fixed-width fields (exact bit patterns, no rounding).
    var cacheMaterial: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(payload.utf8.count + 96)
        func append(_ value: UInt64) {
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        }
        func append(_ colour: Artwork.Colour?) {
            switch colour {
            case nil:
                bytes.append(0)
            case let .rgb(red, green, blue)?:
                bytes += [1, red, green, blue]
            case let .cmyk(cyan, magenta, yellow, black)?:
                bytes.append(2)
                for ink in [cyan, magenta, yellow, black] { append(ink.bitPattern) }
            }
        }
        append(UInt64(payload.utf8.count))
        bytes += payload.utf8
        bytes += options.ecl.rawValue.utf8
        switch options.urlCompaction {
        case .off: bytes.append(0)
        case .automatic(let caseInsensitivePath): bytes.append(caseInsensitivePath ? 2 : 1)
        }
        append(style.size.millimetres.bitPattern)
        append(UInt64(bitPattern: Int64(style.quietZone)))
        append(UInt64(bitPattern: Int64(style.dpi)))
        append(style.foreground)
        append(style.background)
        return bytes
    }
}
