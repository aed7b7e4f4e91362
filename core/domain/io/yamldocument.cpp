// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/io/yamldocument.h"

#include "domain/io/yamltext.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <cstdio>
#include <exception>
#include <new>
#include <optional>
#include <sstream>

namespace k3snet::io {

namespace {

// Thrown by the counting pass to stop the parser early; never leaves this file.
struct LimitReached
{
    std::string code;
    std::string message;
    YAML::Mark mark;
};

// Counts nodes and nesting while the text is parsed without building a tree, so that a tree
// that would be too large or too deep is never built (yaml-cpp's own guard allows depth 2000,
// and its nodes cost a few hundred bytes each).
class CountingHandler : public YAML::EventHandler
{
public:
    explicit CountingHandler(const YamlLimits &limits)
        : m_limits(limits)
    {
    }

    const YAML::Mark &lastDocumentStart() const { return m_documentStart; }
    // Where the last scalar of the text starts, when it is not plain (quoted, tagged or a
    // block scalar).
    const std::optional<YAML::Mark> &lastNonPlainScalar() const { return m_lastNonPlain; }

    void OnDocumentStart(const YAML::Mark &mark) override { m_documentStart = mark; }
    void OnDocumentEnd() override { }
    void OnNull(const YAML::Mark &mark, YAML::anchor_t) override { node(mark); }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t) override { node(mark); }
    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t,
        const std::string &) override
    {
        node(mark);
        // "?" marks a plain scalar; quoted and tagged ones are checked after the pass.
        m_lastNonPlain = tag != "?" ? std::optional(mark) : std::nullopt;
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t,
        YAML::EmitterStyle::value) override
    {
        open(mark);
    }
    void OnSequenceEnd() override { --m_depth; }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t,
        YAML::EmitterStyle::value) override
    {
        open(mark);
    }
    void OnMapEnd() override { --m_depth; }

private:
    void node(const YAML::Mark &mark)
    {
        if (++m_nodes > m_limits.maxNodes)
            throw LimitReached{"too-large",
                "the document has more than " + std::to_string(m_limits.maxNodes)
                    + " values; refusing to read it",
                mark};
    }
    void open(const YAML::Mark &mark)
    {
        node(mark);
        if (++m_depth > m_limits.maxDepth)
            throw LimitReached{"too-deep",
                "mappings and lists are nested more than " + std::to_string(m_limits.maxDepth)
                    + " levels deep",
                mark};
    }

    const YamlLimits &m_limits;
    std::size_t m_nodes = 0;
    int m_depth = 0;
    YAML::Mark m_documentStart;
    std::optional<YAML::Mark> m_lastNonPlain;
};

// Whether the quoted scalar starting at pos in text has its closing quote. yaml-cpp 0.7 accepts
// a quoted scalar that runs into the end of the text when a line break precedes the end (its
// end-of-input check only runs within a line), so "name: \"abc\n" would silently read as
// "abc". Only the last scalar can run to the end, so only it needs this check. True when pos
// is not at a quote (a block scalar, or a position that is not a byte offset).
bool quotedScalarCloses(std::string_view text, int pos)
{
    if (pos < 0)
        return true;
    std::size_t start = static_cast<std::size_t>(pos);
    // The mark is where the node starts, which is before its anchor or tag ("&a !t 'x'").
    while (start < text.size() && (text[start] == '&' || text[start] == '!')) {
        while (start < text.size() && text[start] != ' ' && text[start] != '\t')
            ++start;
        while (start < text.size() && (text[start] == ' ' || text[start] == '\t'))
            ++start;
    }
    if (start >= text.size())
        return true;
    const char quote = text[start];
    if (quote != '"' && quote != '\'')
        return true;
    for (std::size_t i = start + 1; i < text.size(); ++i) {
        if (quote == '"' && text[i] == '\\') {
            ++i; // an escaped character, possibly a quote
        } else if (text[i] == quote) {
            if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                ++i; // '' is a quote inside single quotes
                continue;
            }
            return true;
        }
    }
    return false;
}

// The length of the UTF-8 sequence starting at s[i], or 0 when it is not valid UTF-8 (overlong
// forms, surrogates and code points past U+10FFFF included).
std::size_t utf8SequenceLength(std::string_view s, std::size_t i)
{
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (c < 0x80)
        return 1;
    std::size_t n = 0;
    unsigned min = 0;
    unsigned cp = 0;
    if ((c & 0xe0) == 0xc0) {
        n = 2, min = 0x80, cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
        n = 3, min = 0x800, cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
        n = 4, min = 0x10000, cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + n > s.size())
        return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (b(i + k) & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

// What is wrong with the text before YAML sees it: too large, or not UTF-8. YAML text is
// Unicode; yaml-cpp would read stray bytes as Latin-1 and write them back as other characters,
// so a file with them could not survive a round trip unchanged.
std::optional<YamlParseError> checkText(std::string_view text, const YamlLimits &limits)
{
    if (text.size() > limits.maxBytes)
        return YamlParseError{"too-large",
            "the text is " + std::to_string(text.size()) + " bytes, more than the limit of "
                + std::to_string(limits.maxBytes)};
    const std::string_view bom = "\xef\xbb\xbf";
    const std::string_view body = text.substr(text.starts_with(bom) ? bom.size() : 0);
    YAML::Mark mark;
    mark.pos = 0;
    mark.line = 0;
    mark.column = 0;
    for (std::size_t i = 0; i < body.size();) {
        const std::size_t n = utf8SequenceLength(body, i);
        if (n == 0) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(body[i]));
            return YamlParseError{"invalid-encoding",
                std::string("the text is not UTF-8: byte ") + hex
                    + " cannot start or continue a character here"
                    + " (YAML files must be UTF-8; convert it with iconv)",
                mark};
        }
        if (body[i] == '\n') {
            ++mark.line;
            mark.column = 0;
        } else {
            ++mark.column;
        }
        mark.pos = static_cast<int>(i + n);
        i += n;
    }
    return std::nullopt;
}

// yaml-cpp 0.7 accepts a quoted scalar left open at the end of the text; the counting pass
// remembers the last quoted scalar so that this can be caught. Marks count from after a UTF-8
// byte order mark.
std::optional<YamlParseError> unclosedQuote(std::string_view text, const CountingHandler &counter)
{
    const std::string_view bom = "\xef\xbb\xbf";
    const std::string_view body = text.substr(text.starts_with(bom) ? bom.size() : 0);
    if (const auto &mark = counter.lastNonPlainScalar();
        mark && !quotedScalarCloses(body, mark->pos))
        return YamlParseError{
            "yaml-syntax", "YAML syntax error: the quoted string has no closing quote", *mark};
    return std::nullopt;
}

// Whatever yaml-cpp (or the limits) threw, as a diagnostic; nothing escapes the module.
YamlParseError errorFromException(std::exception_ptr thrown, const char *what)
{
    try {
        std::rethrow_exception(thrown);
    } catch (const LimitReached &e) {
        return YamlParseError{e.code, e.message, e.mark};
    } catch (const YAML::DeepRecursion &e) {
        return YamlParseError{"too-deep", "mappings and lists are nested too deeply", e.mark};
    } catch (const YAML::ParserException &e) {
        // yaml-cpp quotes the offending character raw, which may be any byte.
        return YamlParseError{
            "yaml-syntax", "YAML syntax error: " + printableText(e.msg, 200), e.mark};
    } catch (const YAML::Exception &e) {
        return YamlParseError{"yaml-syntax", "YAML error: " + printableText(e.msg, 200), e.mark};
    } catch (const std::bad_alloc &) {
        return YamlParseError{"too-large", std::string("out of memory while parsing ") + what};
    } catch (const std::exception &e) {
        return YamlParseError{"yaml-syntax",
            std::string("cannot parse ") + what + ": " + printableText(e.what(), 200)};
    } catch (...) {
        return YamlParseError{"yaml-syntax", std::string("cannot parse ") + what};
    }
}

} // namespace

std::variant<YAML::Node, YamlParseError> parseYamlDocument(
    std::string_view text, const YamlLimits &limits)
{
    if (auto rejected = checkText(text, limits))
        return *rejected;
    try {
        std::istringstream in{std::string(text)};
        {
            // First pass: count without building, and make sure there is only one document.
            YAML::Parser parser(in);
            CountingHandler counter(limits);
            if (!parser.HandleNextDocument(counter))
                return YAML::Node(YAML::NodeType::Null);
            if (parser.HandleNextDocument(counter))
                return YamlParseError{"multiple-documents",
                    "a second YAML document starts here; the file must hold exactly one",
                    counter.lastDocumentStart()};
            if (auto unclosed = unclosedQuote(text, counter))
                return *unclosed;
        }
        in.clear();
        in.seekg(0);
        return YAML::Load(in);
    } catch (...) {
        return errorFromException(std::current_exception(), "the document");
    }
}

std::variant<std::vector<YAML::Node>, YamlParseError> parseYamlDocuments(
    std::string_view text, const YamlLimits &limits)
{
    if (auto rejected = checkText(text, limits))
        return *rejected;
    try {
        std::istringstream in{std::string(text)};
        {
            // First pass over every document: the limits hold for the stream as a whole.
            YAML::Parser parser(in);
            CountingHandler counter(limits);
            while (parser.HandleNextDocument(counter)) { }
            if (auto unclosed = unclosedQuote(text, counter))
                return *unclosed;
        }
        in.clear();
        in.seekg(0);
        std::vector<YAML::Node> documents;
        for (YAML::Node &document : YAML::LoadAll(in)) {
            if (!document.IsNull())
                documents.push_back(std::move(document));
        }
        return documents;
    } catch (...) {
        return errorFromException(std::current_exception(), "the documents");
    }
}

} // namespace k3snet::io
