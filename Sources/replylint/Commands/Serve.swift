// `replylint serve`: the HTTP API and the web page for agents.

import ArgumentParser
import ReplyLint

extension ReplyLintCommand {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the library over HTTP: the API for agents and a web page at /.")

        @OptionGroup var library: LibraryOptions

        func run() async throws {
            throw LoadError("serve is not built yet")
        }
    }
}
