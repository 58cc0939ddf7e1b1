/// The User-Agent substrings `DeviceClassifier` tests (case-insensitively), in its order: bots
/// (desktop), iOS, Android, other handhelds; anything else is a desktop. Targets that classify
/// with regexes (nginx, HAProxy) write these; `UserAgentMarkersTests` keeps them equal to the
/// classifier's own lists.
public enum UserAgentMarkers {
    public static let bot = ["bot", "crawler", "spider", "slurp", "facebookexternalhit", "curl/", "wget/", "python-requests", "headless"]
    public static let ios = ["iphone", "ipad", "ipod", "cpu os ", "ios/"]
    public static let android = ["android"]
    public static let mobile = ["mobile", "windows phone", "kaios", "blackberry", "bb10", "opera mini", "symbian", "tizen", "silk/"]
}
