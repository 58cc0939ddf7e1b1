import Catalog

/// What the User-Agent says about the scanning device (docs/routing.md, "Devices").
public struct ClientDevice: Sendable, Hashable {
    /// `ios`, `android`, `mobile` (another handheld) or `desktop` (everything else, bots included).
    public var kind: Device
    public var isBot: Bool

    public init(kind: Device, isBot: Bool = false) {
        self.kind = kind
        self.isBot = isBot
    }

    /// Whether a route's `device:` item matches: `ios` and `android` match themselves;
    /// `mobile` matches every handheld (iOS, Android and the rest); `desktop` matches the rest.
    public func matches(_ wanted: Device) -> Bool {
        switch wanted {
        case .mobile: kind != .desktop
        default: kind == wanted
        }
    }
}

/// Classifies a User-Agent string. The steps run in this order and the first that applies
/// decides (docs/routing.md, "Devices"; `Tests/RoutingTests/Fixtures/user-agents.tsv` is the
/// corpus it is tested against):
///
/// 1. No User-Agent, or only spaces: desktop.
/// 2. Bots: a known crawler, link-preview or command-line client name, a contact URL
///    (`+http`), or a word that ends in `bot`, `crawler` or `spider` and is not a device brand
///    (`Cubot`): desktop, marked as a bot. Bots come first because the smartphone crawlers
///    (Googlebot, Bingbot, AdsBot) copy an Android or iPhone User-Agent.
/// 3. Televisions and game consoles (`SMART-TV`, `Web0S`, `Android TV`, `CrKey`,
///    `PlayStation`, `Xbox`, `Nintendo`, ...): desktop, even when they say Android.
/// 4. Handhelds that also claim to be Android or an iPhone (`Windows Phone`, `IEMobile`,
///    `KaiOS`): mobile.
/// 5. `iPhone`, `iPad`, `iPod` (Safari, other browsers and in-app browsers alike): ios.
/// 6. `Android` (phones, tablets, in-app browsers): android.
/// 7. Other handhelds (`Mobile`, `Opera Mobi`, `BlackBerry`, `BB10`, `Opera Mini`, `Symbian`,
///    `Series60`, `MIDP`, `Tizen`): mobile.
/// 8. Everything else: desktop.
///
/// Matching is on the ASCII-lower-cased text. iPadOS 13+ Safari asks for the desktop site and
/// sends the same User-Agent as Safari on a Mac, so it is classified desktop: no server can
/// tell the two apart without scripting.
public enum DeviceClassifier {
    public static func classify(_ userAgent: String?) -> ClientDevice {
        guard let userAgent else { return ClientDevice(kind: .desktop) }
        let ua = Array(SlugPath.asciiLowercased(userAgent).utf8)
        guard ua.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return ClientDevice(kind: .desktop) }
        if isBot(ua) { return ClientDevice(kind: .desktop, isBot: true) }
        if containsAny(ua, bigScreenMarkers) { return ClientDevice(kind: .desktop) }
        if containsAny(ua, impersonatingHandheldMarkers) { return ClientDevice(kind: .mobile) }
        if containsAny(ua, iosMarkers) { return ClientDevice(kind: .ios) }
        if contains(ua, androidMarker) { return ClientDevice(kind: .android) }
        if containsAny(ua, handheldMarkers) { return ClientDevice(kind: .mobile) }
        return ClientDevice(kind: .desktop)
    }

    /// Step 2: a known name, a contact URL, or a word ending in a crawler suffix.
    static func isBot(_ ua: [UInt8]) -> Bool {
        if containsAny(ua, botMarkers) { return true }
        for word in words(ua) where botSuffixes.contains(where: { word.ends(with: $0) }) {
            if !deviceBrandsLikeBots.contains(where: { word.elementsEqual($0) }) { return true }
        }
        return false
    }

    /// Maximal runs of ASCII letters.
    static func words(_ ua: [UInt8]) -> [ArraySlice<UInt8>] {
        var words: [ArraySlice<UInt8>] = []
        var start: Int?
        for (index, byte) in ua.enumerated() {
            let letter = byte >= 0x61 && byte <= 0x7A
            if letter, start == nil { start = index }
            if !letter, let first = start {
                words.append(ua[first..<index])
                start = nil
            }
        }
        if let first = start { words.append(ua[first...]) }
        return words
    }

    static func containsAny(_ ua: [UInt8], _ markers: [[UInt8]]) -> Bool {
        markers.contains { contains(ua, $0) }
    }

    static func contains(_ ua: [UInt8], _ marker: [UInt8]) -> Bool {
        guard let first = marker.first, ua.count >= marker.count else { return false }
        var index = 0
        let last = ua.count - marker.count
        while index <= last {
            if ua[index] == first {
                var offset = 1
                while offset < marker.count, ua[index + offset] == marker[offset] { offset += 1 }
                if offset == marker.count { return true }
            }
            index += 1
        }
        return false
    }

    /// Names of crawlers, link-preview fetchers, HTTP libraries and headless browsers whose
    /// names do not end in `bot`, `crawler` or `spider` (those are caught by the suffix rule).
    static let botMarkers = bytes([
        "+http", "facebookexternalhit", "mediapartners-google", "adsbot-google", "google-inspectiontool",
        "googleother", "slurp", "whatsapp/", "skypeuripreview", "headlesschrome", "phantomjs", "lighthouse",
        "curl/", "wget/", "python-requests", "python-urllib", "aiohttp", "go-http-client", "java/",
        "apache-httpclient", "okhttp/", "libwww-perl", "httpie/", "postmanruntime", "axios/", "node-fetch",
    ])
    static let botSuffixes = bytes(["bot", "crawler", "spider"])
    /// Device brands whose names end in a crawler suffix.
    static let deviceBrandsLikeBots = bytes(["cubot"])
    static let bigScreenMarkers = bytes([
        "smart-tv", "smarttv", "web0s", "android tv", "androidtv", "googletv", "crkey", "bravia",
        "hbbtv", "appletv", "apple tv", "roku", "playstation", "xbox", "nintendo",
    ])
    static let impersonatingHandheldMarkers = bytes(["windows phone", "iemobile", "kaios"])
    static let iosMarkers = bytes(["iphone", "ipad", "ipod"])
    static let androidMarker = Array("android".utf8)
    static let handheldMarkers = bytes(["mobile", "opera mobi", "blackberry", "bb10", "opera mini", "symbian", "series60", "midp", "tizen"])

    static func bytes(_ texts: [String]) -> [[UInt8]] { texts.map { Array($0.utf8) } }
}

extension ArraySlice where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self.suffix(suffix.count).elementsEqual(suffix)
    }
}

/// One step of the classifier, as data that server configs can turn into regular expressions
/// (docs/routing.md, "Devices"): the steps are tried in order and the first that matches the
/// ASCII-lower-cased User-Agent decides; none matching means desktop. `DeviceClassifier.classify`
/// is exactly these steps (a test replays the User-Agent corpus through both).
public struct DeviceStep: Sendable, Hashable {
    public enum Test: Sendable, Hashable {
        /// The User-Agent contains one of these (lower-case) texts.
        case containsAny([String])
        /// Some word (a maximal run of ASCII letters) ends with one of `suffixes` and is not one
        /// of `except` (each of which ends with a suffix).
        case wordEndingIn(suffixes: [String], except: [String])
    }

    public var kind: Device
    public var isBot: Bool
    public var test: Test
}

extension DeviceClassifier {
    /// The classifier's steps, in order.
    public static let steps: [DeviceStep] = [
        DeviceStep(kind: .desktop, isBot: true, test: .containsAny(strings(botMarkers))),
        DeviceStep(kind: .desktop, isBot: true, test: .wordEndingIn(suffixes: strings(botSuffixes), except: strings(deviceBrandsLikeBots))),
        DeviceStep(kind: .desktop, isBot: false, test: .containsAny(strings(bigScreenMarkers))),
        DeviceStep(kind: .mobile, isBot: false, test: .containsAny(strings(impersonatingHandheldMarkers))),
        DeviceStep(kind: .ios, isBot: false, test: .containsAny(strings(iosMarkers))),
        DeviceStep(kind: .android, isBot: false, test: .containsAny([String(decoding: androidMarker, as: UTF8.self)])),
        DeviceStep(kind: .mobile, isBot: false, test: .containsAny(strings(handheldMarkers))),
    ]

    static func strings(_ markers: [[UInt8]]) -> [String] { markers.map { String(decoding: $0, as: UTF8.self) } }
}

