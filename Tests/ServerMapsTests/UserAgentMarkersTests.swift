import Testing
@testable import Routing
import ServerMaps

/// The markers the server configs classify devices with are the classifier's own.
@Suite struct UserAgentMarkersTests {
    @Test func markersEqualTheClassifiers() {
        #expect(UserAgentMarkers.bot == DeviceClassifier.botMarkers)
        #expect(UserAgentMarkers.ios == DeviceClassifier.iosMarkers)
        #expect(UserAgentMarkers.android == ["android"])
        #expect(UserAgentMarkers.mobile == DeviceClassifier.mobileMarkers)
    }
}
