import Diagnostics
import YAMLTree

/// Decodes `expect:` entries: `{when: {...}, target: URL, status: 302, location: URL}`.
enum ExpectationDecoder {
    static let keys = ["when", "target", "status", "location"]
    static let requestKeys = ["device", "user-agent", "language", "accept-language", "country", "at", "query", "client"]

    static func decode(_ node: YAMLNode, reader: inout NodeReader) -> Expectation? {
        guard let entries = reader.mapping(node, what: "an `expect` entry") else { return nil }
        var request = Expectation.Request()
        var target: Located<String>?
        var status: Located<Int>?
        var location: Located<String>?
        for entry in entries {
            switch entry.key.text {
            case "when": request = self.request(entry.value, reader: &reader)
            case "target": target = reader.url(entry, required: true)
            case "status":
                status = reader.int(entry, range: 100...599)
            case "location": location = reader.string(entry)
            default: reader.unknownKey(entry, known: keys, in: "an `expect` entry")
            }
        }
        guard let target else {
            if !entries.contains(where: { $0.key.text == "target" }) {
                reader.missing("target", in: "this `expect` entry", at: node.mark, hint: "the destination this scan must reach")
            }
            return nil
        }
        return Expectation(when: request, target: target, status: status, exactLocation: location, location: reader.location(node.mark))
    }

    static func request(_ node: YAMLNode, reader: inout NodeReader) -> Expectation.Request {
        var request = Expectation.Request()
        guard let entries = reader.mapping(node, what: "`when`") else { return request }
        for entry in entries {
            switch entry.key.text {
            case "device": request.device = reader.enumeration(entry, Device.self)
            case "user-agent": request.userAgent = reader.string(entry)
            case "language": request.language = reader.string(entry)
            case "accept-language": request.acceptLanguage = reader.string(entry)
            case "country": request.country = reader.string(entry)
            case "at": request.at = reader.instant(entry)
            case "query": request.query = reader.string(entry)
            case "client": request.client = reader.string(entry)
            default: reader.unknownKey(entry, known: requestKeys, in: "an expectation's `when`")
            }
        }
        return request
    }
}
