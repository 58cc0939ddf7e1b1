/// The User-Agent substrings the router's `DeviceClassifier` tests, in its order (bots first,
/// then iOS, Android, other handhelds; everything else is a desktop). Kept equal to the
/// classifier's lists by `UserAgentPatternTests`.
enum UserAgentPattern {
    static let bot = ["bot", "crawler", "spider", "slurp", "facebookexternalhit", "curl/", "wget/", "python-requests", "headless"]
    static let ios = ["iphone", "ipad", "ipod", "cpu os ", "ios/"]
    static let android = ["android"]
    static let mobile = ["mobile", "windows phone", "kaios", "blackberry", "bb10", "opera mini", "symbian", "tizen", "silk/"]

    /// The classes a route's `device:` list accepts (`mobile` takes every handheld).
    static func acceptedClasses(_ devices: [String]) -> [String] {
        var classes: [String] = []
        for device in devices {
            let accepted = device == "mobile" ? ["ios", "android", "mobile"] : [device]
            for name in accepted where !classes.contains(name) { classes.append(name) }
        }
        return ["ios", "android", "mobile", "desktop"].filter(classes.contains)
    }
}
