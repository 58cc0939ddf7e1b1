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

/// Classifies a User-Agent string by substring tests, in this order: bots, iOS (iPhone, iPad,
/// iPod, and apps on them), Android, other handhelds, desktop. iPadOS 13+ Safari asks for the
/// desktop site and sends a Macintosh User-Agent, so it is classified as desktop: no server can
/// tell it apart without scripting.
public enum DeviceClassifier {
    public static func classify(_ userAgent: String?) -> ClientDevice {
        guard let userAgent, !userAgent.isEmpty else { return ClientDevice(kind: .desktop) }
        let ua = SlugPath.asciiLowercased(userAgent)
        if botMarkers.contains(where: { ua.contains($0) }) { return ClientDevice(kind: .desktop, isBot: true) }
        if iosMarkers.contains(where: { ua.contains($0) }) { return ClientDevice(kind: .ios) }
        if ua.contains("android") { return ClientDevice(kind: .android) }
        if mobileMarkers.contains(where: { ua.contains($0) }) { return ClientDevice(kind: .mobile) }
        return ClientDevice(kind: .desktop)
    }

    static let botMarkers = ["bot", "crawler", "spider", "slurp", "facebookexternalhit", "curl/", "wget/", "python-requests", "headless"]
    static let iosMarkers = ["iphone", "ipad", "ipod", "cpu os ", "ios/"]
    static let mobileMarkers = ["mobile", "windows phone", "kaios", "blackberry", "bb10", "opera mini", "symbian", "tizen", "silk/"]
}
