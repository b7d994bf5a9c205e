enum WebPage { static let html = "<!doctype html><title>ReplyLint</title>" }
