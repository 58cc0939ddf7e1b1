@testable import Rules
import Testing

@Suite("IP address literals")
struct IPAddressLiteralTests {
    @Test(arguments: [
        ("127.0.0.1", "127.0.0.1"), ("2130706433", "127.0.0.1"), ("0x7f.1", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"), ("0x7F000001", "127.0.0.1"), ("127.1", "127.0.0.1"),
        ("192.168.0.1.", "192.168.0.1"), ("[::1]", "[::1]"), ("999.1.1.1", "999.1.1.1"), ("evil.08", "evil.08"),
        ("99999999999999999999999", "99999999999999999999999"),
    ])
    func addresses(_ host: String, _ address: String) {
        #expect(IPAddressLiteral.address(of: host[...]) == address)
    }

    @Test(arguments: ["www.acme.example", "3m.example", "acme.example0", "0x.example", "1.example", "123abc"])
    func names(_ host: String) {
        #expect(IPAddressLiteral.address(of: host[...]) == nil)
    }
}
