// The official Mustache spec's core modules, run against ReplyLint's parser and renderer.

import Foundation
import ReplyLint
import Testing

struct MustacheSpecCase: Decodable, CustomTestStringConvertible, Sendable {
    var name: String
    var data: TemplateValue
    var template: String
    var partials: [String: String]?
    var expected: String
    var module = ""

    enum CodingKeys: String, CodingKey { case name, data, template, partials, expected }

    var testDescription: String { "\(module): \(name)" }

    static let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections"]

    static var all: [MustacheSpecCase] {
        struct File: Decodable { var tests: [MustacheSpecCase] }
        return modules.flatMap { module -> [MustacheSpecCase] in
            let url = CLI.fixtures.appendingPathComponent("conformance/mustache/\(module).json")
            guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data) else { return [] }
            return file.tests.map { test in
                var test = test
                test.module = module
                return test
            }
        }
    }
}

/// Replies are plain text, not HTML: `{{x}}` prints `<` and `&` as they are. These spec cases
/// expect HTML escaping; for them ReplyLint must print the unescaped value instead.
let plainTextDifferences: Set<String> = [
    "interpolation: HTML Escaping",
    "interpolation: Implicit Iterators - HTML Escaping",
    "sections: Implicit Iterator - HTML Escaping",
]

@Test func mustacheSpecIsComplete() {
    // 136 core cases; a missing fixture would otherwise shrink the suite silently.
    #expect(MustacheSpecCase.all.count == 136)
}

@Test(arguments: MustacheSpecCase.all)
func mustacheSpec(_ test: MustacheSpecCase) throws {
    let renderer = TemplateRenderer(partials: test.partials ?? [:], strict: false)
    let output = try renderer.render(test.template, context: test.data)
    if plainTextDifferences.contains(test.testDescription) {
        let unescaped = test.expected
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        #expect(output != test.expected, "no longer differs from the spec; remove it from plainTextDifferences")
        #expect(output == unescaped)
    } else {
        #expect(output == test.expected, "template: \(test.template.debugDescription)")
    }
}
