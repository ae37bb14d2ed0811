#include "html_document.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_set>

namespace azllm::sources {
namespace {

// The parsed tree, destroyed with gumbo's own allocator.
class GumboTree
{
public:
    explicit GumboTree(std::string_view html)
        : m_output(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()))
    {
    }
    ~GumboTree() { gumbo_destroy_output(&kGumboDefaultOptions, m_output); }
    GumboTree(const GumboTree &) = delete;
    GumboTree &operator=(const GumboTree &) = delete;
    const GumboNode *root() const { return m_output->root; }

private:
    GumboOutput *m_output;
};

std::string tagName(const GumboNode *node)
{
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
        return {};
    return gumbo_normalized_tagname(node->v.element.tag);
}

const char *attribute(const GumboNode *node, const char *name)
{
    if (node->type != GUMBO_NODE_ELEMENT)
        return nullptr;
    const GumboAttribute *a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? a->value : nullptr;
}

template <typename F> void forEachChild(const GumboNode *node, F f)
{
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE &&
        node->type != GUMBO_NODE_DOCUMENT)
        return;
    const GumboVector &children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i)
        f(static_cast<const GumboNode *>(children.data[i]));
}

const std::unordered_set<std::string> kHidden = {"script",   "style", "title", "template",
                                                 "noscript", "svg",   "iframe"};
const std::unordered_set<std::string> kParagraphs = {
    "p",       "h1",      "h2",   "h3",     "h4",         "h5",      "h6",   "div",
    "section", "article", "main", "header", "footer",     "aside",   "nav",  "blockquote",
    "pre",     "table",   "ul",   "ol",     "dl",         "figure",  "form", "hr",
    "address", "details", "body", "html",   "figcaption", "fieldset"};
const std::unordered_set<std::string> kLines = {"li",      "tr",      "dt",     "dd",
                                                "caption", "summary", "option", "legend"};

bool isHtmlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Writes text with a browser's whitespace rules: runs of spaces become one, block boundaries
// become one or two line breaks.
class TextWriter
{
public:
    void text(std::string_view s, bool preformatted)
    {
        for (char c : s) {
            if (!preformatted && isHtmlSpace(c)) {
                m_space = true;
                continue;
            }
            flushSpace();
            m_out.push_back(c);
        }
    }
    void space() { m_space = true; }
    void breakLine(int lines)
    {
        m_space = false;
        std::size_t trailing = 0;
        while (trailing < m_out.size() && m_out[m_out.size() - 1 - trailing] == '\n')
            ++trailing;
        if (!m_out.empty() && trailing < std::size_t(lines))
            m_out.append(lines - trailing, '\n');
    }
    // <br>: every one is a line break, even several in a row.
    void newline()
    {
        m_space = false;
        if (!m_out.empty())
            m_out.push_back('\n');
    }
    std::string take() { return std::move(m_out); }

private:
    void flushSpace()
    {
        if (m_space && !m_out.empty() && m_out.back() != '\n')
            m_out.push_back(' ');
        m_space = false;
    }
    std::string m_out;
    bool m_space = false;
};

// The block boundary an element makes, at its start and at its end.
void boundary(const std::string &name, TextWriter &out)
{
    if (kParagraphs.count(name))
        out.breakLine(2);
    else if (kLines.count(name))
        out.breakLine(1);
    else if (name == "td" || name == "th")
        out.space();
}

// Writes the visible text under node; skip(node) drops a whole subtree.
template <typename Skip>
void writeText(const GumboNode *node, TextWriter &out, int preDepth, const Skip &skip)
{
    switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
        out.text(node->v.text.text, preDepth > 0);
        return;
    case GUMBO_NODE_COMMENT:
        return;
    case GUMBO_NODE_DOCUMENT:
        forEachChild(node, [&](const GumboNode *child) { writeText(child, out, preDepth, skip); });
        return;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
        break;
    }
    const std::string name = tagName(node);
    if (kHidden.count(name) || skip(node))
        return;
    if (name == "br") {
        out.newline();
        return;
    }
    boundary(name, out);
    const int depth = preDepth + (name == "pre" ? 1 : 0);
    forEachChild(node, [&](const GumboNode *child) { writeText(child, out, depth, skip); });
    boundary(name, out);
}

// ---------------------------------------------------------------------------------------------
// Article extraction

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Words in class and id attributes that mark what is not the article.
const char *const kBoilerplateMarks[] = {
    "nav",       "menu",      "comment",    "related",   "share",  "social",
    "footer",    "sidebar",   "breadcrumb", "advert",    "banner", "cookie",
    "subscribe", "popular",   "widget",     "promo",     "tags",   "author-box",
    "recommend", "most-read", "newsletter", "pagination"};
const std::unordered_set<std::string> kBoilerplateTags = {"nav",  "header", "footer", "aside",
                                                          "form", "button", "select", "menu"};

bool hasBoilerplateMark(const GumboNode *node)
{
    std::string marks;
    for (const char *name : {"class", "id", "role"})
        if (const char *value = attribute(node, name))
            marks += lower(value) + " ";
    if (marks.empty())
        return false;
    if (marks.find("article") != std::string::npos && marks.find("related") == std::string::npos)
        return false; // "article-body", "article-text": the content itself
    for (const char *mark : kBoilerplateMarks)
        if (marks.find(mark) != std::string::npos)
            return true;
    return false;
}

struct TextAmount
{
    std::size_t all = 0;
    std::size_t inLinks = 0;
};

TextAmount measureText(const GumboNode *node, bool inLink)
{
    TextAmount amount;
    if (node->type == GUMBO_NODE_TEXT) {
        amount.all = std::strlen(node->v.text.text);
        amount.inLinks = inLink ? amount.all : 0;
        return amount;
    }
    const std::string name = tagName(node);
    if (kHidden.count(name))
        return amount;
    forEachChild(node, [&](const GumboNode *child) {
        const TextAmount part = measureText(child, inLink || name == "a");
        amount.all += part.all;
        amount.inLinks += part.inLinks;
    });
    return amount;
}

// Lists and blocks whose text is mostly links: menus, "read also", tag clouds.
bool isLinkList(const GumboNode *node)
{
    static const std::unordered_set<std::string> kBlocks = {"ul",    "ol", "div", "section",
                                                            "table", "p",  "li",  "dl"};
    if (!kBlocks.count(tagName(node)))
        return false;
    const TextAmount amount = measureText(node, false);
    return amount.all > 0 && double(amount.inLinks) > 0.6 * double(amount.all);
}

bool isBoilerplateNode(const GumboNode *node)
{
    return kBoilerplateTags.count(tagName(node)) || hasBoilerplateMark(node) || isLinkList(node);
}

// The text of <p> children directly under node: where an article's body lives.
std::size_t paragraphText(const GumboNode *node)
{
    std::size_t total = 0;
    forEachChild(node, [&](const GumboNode *child) {
        if (tagName(child) == "p")
            total += measureText(child, false).all;
    });
    return total;
}

void findBest(const GumboNode *node, const GumboNode *&best, std::size_t &bestScore,
              const std::string &wanted)
{
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT)
        return;
    if (node->type == GUMBO_NODE_ELEMENT && isBoilerplateNode(node) && wanted.empty())
        return;
    const std::string name = tagName(node);
    const std::size_t score =
        wanted.empty() ? paragraphText(node) : (name == wanted ? measureText(node, false).all : 0);
    if (score > bestScore) {
        best = node;
        bestScore = score;
    }
    forEachChild(node, [&](const GumboNode *child) { findBest(child, best, bestScore, wanted); });
}

const GumboNode *findContentRoot(const GumboNode *root)
{
    for (const char *wanted : {"article", "main"}) {
        const GumboNode *best = nullptr;
        std::size_t score = 0;
        findBest(root, best, score, wanted);
        if (best && score >= 200)
            return best;
    }
    const GumboNode *best = root;
    std::size_t score = 0;
    findBest(root, best, score, std::string());
    // The paragraphs' container; its parent when the article is split into several blocks.
    return best;
}

void collectMetadata(const GumboNode *node, Article &article, std::string &h1)
{
    const std::string name = tagName(node);
    if (name == "html" && attribute(node, "lang"))
        article.language = attribute(node, "lang");
    if (name == "link" && attribute(node, "rel") && attribute(node, "href") &&
        lower(attribute(node, "rel")) == "canonical")
        article.canonical = attribute(node, "href");
    if (name == "meta" && attribute(node, "content")) {
        const char *property = attribute(node, "property");
        const char *metaName = attribute(node, "name");
        const std::string key = lower(property ? property : metaName ? metaName : "");
        if (key == "og:title" && article.title.empty())
            article.title = attribute(node, "content");
        if ((key == "article:published_time" || key == "date" || key == "pubdate" ||
             key == "dc.date") &&
            article.published.empty())
            article.published = attribute(node, "content");
    }
    if (name == "time" && attribute(node, "datetime") && article.published.empty())
        article.published = attribute(node, "datetime");
    if (name == "title" && article.title.empty()) {
        TextWriter out;
        forEachChild(node, [&](const GumboNode *child) {
            if (child->type == GUMBO_NODE_TEXT)
                out.text(child->v.text.text, false);
        });
        article.title = out.take();
    }
    if (name == "h1" && h1.empty()) {
        TextWriter out;
        writeText(node, out, 0, [](const GumboNode *) { return false; });
        h1 = out.take();
    }
    forEachChild(node, [&](const GumboNode *child) { collectMetadata(child, article, h1); });
}

std::string trimmed(std::string s)
{
    const auto first = s.find_first_not_of(" \n");
    if (first == std::string::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \n") - first + 1);
}

} // namespace

std::string visibleText(std::string_view html)
{
    const GumboTree tree(html);
    TextWriter out;
    writeText(tree.root(), out, 0, [](const GumboNode *) { return false; });
    return out.take();
}

Article extractArticle(std::string_view html)
{
    const GumboTree tree(html);
    Article article;
    std::string h1;
    collectMetadata(tree.root(), article, h1);
    // A page's <h1> names the article better than a <title> that ends in the site's name.
    if (!h1.empty())
        article.title = h1;
    article.title = trimmed(article.title);
    const GumboNode *content = findContentRoot(tree.root());
    TextWriter out;
    writeText(content, out, 0, [content](const GumboNode *node) {
        return node != content && (isBoilerplateNode(node) || tagName(node) == "h1");
    });
    article.text = trimmed(out.take());
    return article;
}

} // namespace azllm::sources
