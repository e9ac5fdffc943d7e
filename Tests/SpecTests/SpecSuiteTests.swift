import XCTest

// Replaced by the spec runner's test (issue 2).
