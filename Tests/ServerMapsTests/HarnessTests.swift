import Foundation
import Testing

/// The harness itself: the raw client's parsing and the loopback helpers.
@Suite struct HarnessTests {
    @Test func parsesStatusAndHeadersByteForByte() throws {
        let raw = Array("HTTP/1.1 302 Moved Temporarily\r\nLocation: https://x.example/caf\u{E9}?a=b\r\nVary:  User-Agent \r\n\r\nbody".utf8)
        let response = try RawHTTPClient.parse(raw)
        #expect(response.status == 302)
        #expect(response.location == Array("https://x.example/caf\u{E9}?a=b".utf8))
        #expect(response.header("vary") == Array("User-Agent".utf8))
        #expect(response.header("Cache-Control") == nil)
    }

    @Test func refusesATruncatedHead() {
        #expect(throws: RawHTTPClient.Failure.self) { try RawHTTPClient.parse(Array("HTTP/1.1 302 Found\r\nLocation: x".utf8)) }
    }

    @Test func freePortIsBindableAndNotAccepting() throws {
        let port = try LoopbackSocket.freePort()
        #expect(port > 0 && port < 65536)
        #expect(!LoopbackSocket.isAccepting(port: port))
    }

    @Test func vectorSplitsItsURLIntoHostAndRawTarget() throws {
        let vector = RoutingVector(name: "v", url: "https://QR.acme.example:8443/CX1/?a=%41&b#frag", client: "127.0.0.1", at: 0, status: 404)
        let parts = try #require(vector.hostAndTarget)
        #expect(parts.host == "QR.acme.example:8443")
        #expect(parts.target == Array("/CX1/?a=%41&b".utf8))
        let request = try #require(vector.request)
        #expect(request.query == "a=%41&b")
    }
}
