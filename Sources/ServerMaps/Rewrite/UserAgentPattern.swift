/// Device classes for route conditions (the User-Agent patterns themselves are
/// `UserAgentRegex`, built from the classifier's steps).
enum UserAgentPattern {
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
