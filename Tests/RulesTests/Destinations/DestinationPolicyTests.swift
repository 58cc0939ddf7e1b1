import Catalog
import Diagnostics
import Foundation
@testable import Rules
import Testing

/// How the destination policy is read: allow-list entries, compliance categories, the short
/// domains' own destinations, and repositories without an allow-list.
@Suite("Destination policy")
struct DestinationPolicyTests {
    @Test func complianceCategoryReplacesTheGlobalList() {
        let alcohol = DestinationHarness.run(destination: "https://apps.apple.com/app/id0000000001", compliance: "alcohol")
        #expect(alcohol.findings.map(\.ruleID) == ["destination-allowed"])
        #expect(alcohol.findings.first?.message == "`apps.apple.com` is not an allowed destination for `alcohol` codes")
        let subdomain = DestinationHarness.run(destination: "https://shop.acme.example/x", compliance: "alcohol")
        #expect(subdomain.findings.map(\.ruleID) == ["destination-allowed"])
        let allowed = DestinationHarness.run(destination: "https://www.acme.example/x", compliance: "alcohol")
        #expect(allowed.findings.isEmpty)
        let general = DestinationHarness.run(destination: "https://apps.apple.com/app/id0000000001", compliance: "general")
        #expect(general.findings.isEmpty)
    }

    @Test func everyDestinationOfACodeIsChecked() {
        let outcome = DestinationHarness.run(code: """
            id: RET-EU-0001
            slug: cx1
            owner: retail-eu
            status: active
            target: http://www.acme.example/a
            routes:
              - when: {device: [ios]}
                target: http://www.acme.example/b
              - split:
                  - {weight: 50, target: "http://www.acme.example/c"}
                  - {weight: 50, target: https://www.acme.example/d}
            fallback: http://www.acme.example/e

            """)
        #expect(outcome.problems.isEmpty, "\(outcome.problems.map(\.message))")
        #expect(outcome.findings.map { "\($0.ruleID)@\($0.location.line):\($0.location.column)" }
            == ["https-only@5:9", "https-only@8:13", "https-only@10:30", "https-only@12:11"])
    }

    @Test func shortDomainFallbacksAreChecked() {
        let policies = DestinationHarness.policies.replacingOccurrences(
            of: "go.acme.example: {fallback: \"https://www.acme.example/go\"}",
            with: "go.acme.example: {fallback: \"http://www.acme.example/go\", not-found: \"https://qr.acme.example/x\"}")
        let outcome = DestinationHarness.run(destination: "https://www.acme.example/x", policies: policies)
        #expect(outcome.problems.isEmpty, "\(outcome.problems.map(\.message))")
        #expect(Set(outcome.findings.map(\.ruleID)) == ["https-only", "redirect-loop"])
        #expect(outcome.findings.allSatisfy { $0.location.file == "policies/example.yaml" })
    }

    @Test func allowListEntriesMustBeHosts() {
        let policies = DestinationHarness.policies.replacingOccurrences(
            of: "allowed: [www.acme.example,", with: "allowed: [\"https://evil.example/\", \"*.evil.example\", www.acme.example,")
        let outcome = DestinationHarness.run(destination: "https://www.acme.example/x", policies: policies)
        #expect(outcome.findings.map(\.message) == [
            "allow-list entry `https://evil.example/` is not a host name",
            "allow-list entry `*.evil.example` is not a host name",
        ])
        #expect(outcome.findings.allSatisfy { $0.ruleID == "destination-allowed" && $0.location.line == 9 })
        let wildcard = DestinationHarness.run(destination: "https://x.evil.example/", policies: policies)
        #expect(wildcard.findings.contains { $0.message == "`x.evil.example` is not an allowed destination" })
    }

    @Test func withoutAnAllowListAnyHostIsAllowed() {
        let policies = """
            version: 1
            default-domain: qr.acme.example
            owners:
              retail-eu: {name: Retail Europe}
            domains:
              qr.acme.example: {}

            """
        let outcome = DestinationHarness.run(destination: "https://partner.example/x", policies: policies)
        #expect(outcome.problems.isEmpty && outcome.findings.isEmpty, "\(outcome.findings.map(\.message))")
        let lookalike = DestinationHarness.run(destination: "https://qr.acrne.example/x", policies: policies)
        #expect(lookalike.findings.map(\.ruleID) == ["lookalike-domain"])
    }

    @Test func domainEntriesCoverTheDomainAndItsSubdomainsOnly() throws {
        var policies = Policies()
        policies.allowedDestinations = [".acme.example", "apps.apple.com", "B\u{DC}cher.example"].map {
            Located($0, at: SourceLocation(file: "policies/d.yaml", line: 1, column: 1))
        }
        let index = DestinationIndex(policies: policies)
        let list = try #require(index.allowList(for: nil))
        for host in ["acme.example", "shop.acme.example", "a.b.acme.example", "ACME.example.", "apps.apple.com",
                     "xn--bcher-kva.example", "b\u{FC}cher.example"] {
            #expect(list.allows(try #require(HostName(host[...]))), "\(host)")
        }
        for host in ["evilacme.example", "acme.example.evil.example", "store.apps.apple.com", "apple.com", "bucher.example"] {
            #expect(!list.allows(try #require(HostName(host[...]))), "\(host)")
        }
    }
}
