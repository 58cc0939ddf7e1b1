/// The device classes a route's `device:` list accepts, for targets that test the class the
/// User-Agent was given with `UserAgentMarkers` (the router's own markers and order).
enum UserAgentPattern {
    /// `mobile` takes every handheld (iOS, Android and the rest); in the classifier's order.
    static func acceptedClasses(_ devices: [String]) -> [String] {
        var classes: [String] = []
        for device in devices {
            let accepted = device == "mobile" ? ["ios", "android", "mobile"] : [device]
            for name in accepted where !classes.contains(name) { classes.append(name) }
        }
        return ["ios", "android", "mobile", "desktop"].filter(classes.contains)
    }
}
