//! OData query options and request preferences.

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

/// What may not appear as is in a query option's value: characters that end
/// the value or the query (`&`, `#`), that servers read as something else
/// (`+` as a space, `%` as an escape), and those URLs never carry raw.
const QUERY_VALUE: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'&')
    .add(b'+')
    .add(b'<')
    .add(b'>')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// Query options (`$select`, `$filter`, ...) and preferences for one request,
/// given to [`Endpoint::to_request_with`](crate::Endpoint::to_request_with).
///
/// Values are written as given (OData syntax, such as the quotes around a
/// string literal in `$filter`, is the caller's) and percent-encoded for the
/// URL here, so no value can end the query option or start another.
///
/// The elements of `select`, `expand` and `orderby` are joined with `,`, and
/// a `,` inside one is OData syntax too: `expand(["members($select=id,mail)"])`
/// is one expansion, while `select(["id,mail"])` asks for the same two
/// properties as `select(["id", "mail"])`. The service reads the option as
/// a whole, so no encoding could keep such an element in one piece.
///
/// ```
/// use graph_core::RequestOptions;
///
/// let options = RequestOptions::new()
///     .select(["id", "displayName"])
///     .filter("displayName eq 'R&D'")
///     .count(true)
///     .search("\"displayName:Jo\"");
/// assert_eq!(
///     options.query_string(),
///     "$select=id,displayName&$filter=displayName%20eq%20'R%26D'&$search=%22displayName:Jo%22&$count=true"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestOptions {
    select: Vec<String>,
    filter: Option<String>,
    expand: Vec<String>,
    orderby: Vec<String>,
    top: Option<u64>,
    skip: Option<u64>,
    count: Option<bool>,
    search: Option<String>,
    pub(crate) include_unknown_enum_members: bool,
    /// `ConsistencyLevel`, `Prefer: return=...` and extra headers: see
    /// `request_headers.rs`.
    pub(crate) headers: crate::request_headers::Headers,
}

impl Default for RequestOptions {
    fn default() -> Self {
        RequestOptions {
            select: Vec::new(),
            filter: None,
            expand: Vec::new(),
            orderby: Vec::new(),
            top: None,
            skip: None,
            count: None,
            search: None,
            include_unknown_enum_members: true,
            headers: Default::default(),
        }
    }
}

impl RequestOptions {
    /// No query options; `Prefer: include-unknown-enum-members` on.
    pub fn new() -> Self {
        Self::default()
    }

    /// `$select`: the properties to return.
    pub fn select<I: IntoIterator<Item = S>, S: Into<String>>(mut self, properties: I) -> Self {
        self.select.extend(properties.into_iter().map(Into::into));
        self
    }

    /// `$filter`: an OData filter expression, such as `startswith(displayName,'a')`.
    ///
    /// Advanced filters on directory objects (`ne`, `not`, `endsWith`, ...)
    /// need [`eventual_consistency`](Self::eventual_consistency).
    pub fn filter(mut self, expression: impl Into<String>) -> Self {
        self.filter = Some(expression.into());
        self
    }

    /// `$expand`: navigation properties to include.
    pub fn expand<I: IntoIterator<Item = S>, S: Into<String>>(mut self, properties: I) -> Self {
        self.expand.extend(properties.into_iter().map(Into::into));
        self
    }

    /// `$orderby`: sort keys, such as `displayName desc`.
    pub fn orderby<I: IntoIterator<Item = S>, S: Into<String>>(mut self, keys: I) -> Self {
        self.orderby.extend(keys.into_iter().map(Into::into));
        self
    }

    /// `$top`: the page size.
    pub fn top(mut self, count: u64) -> Self {
        self.top = Some(count);
        self
    }

    /// `$skip`: how many items to skip.
    pub fn skip(mut self, count: u64) -> Self {
        self.skip = Some(count);
        self
    }

    /// `$count`: whether to return `@odata.count`. On directory objects
    /// (users, groups, ...) it needs
    /// [`eventual_consistency`](Self::eventual_consistency).
    pub fn count(mut self, count: bool) -> Self {
        self.count = Some(count);
        self
    }

    /// `$search`: a search expression, quotes included (`"displayName:Jo"`).
    /// On directory objects it needs
    /// [`eventual_consistency`](Self::eventual_consistency).
    pub fn search(mut self, expression: impl Into<String>) -> Self {
        self.search = Some(expression.into());
        self
    }

    /// Whether to send `Prefer: include-unknown-enum-members` (on by
    /// default): without it Graph replaces enum members added after an
    /// enumeration's `unknownFutureValue` with that placeholder.
    pub fn include_unknown_enum_members(mut self, include: bool) -> Self {
        self.include_unknown_enum_members = include;
        self
    }

    /// The query string, without the leading `?` (empty without options).
    pub fn query_string(&self) -> String {
        let mut query = String::new();
        self.write_query(&mut query);
        query
    }

    /// Appends `?` and the query string to `url`, if there are options.
    pub(crate) fn push_query(&self, url: &mut String) {
        let query = self.query_string();
        if !query.is_empty() {
            url.push('?');
            url.push_str(&query);
        }
    }

    fn write_query(&self, out: &mut String) {
        // Options are joined by position, never by looking at what was
        // written: a value may end in `?` or `&`-like text of its own.
        let mut query = QueryWriter { out, options: 0 };
        let lists = [
            ("$select", &self.select),
            ("$expand", &self.expand),
            ("$orderby", &self.orderby),
        ];
        for (name, values) in lists.into_iter().filter(|(_, values)| !values.is_empty()) {
            let out = query.begin_option(name);
            for (i, value) in values.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.extend(utf8_percent_encode(value, QUERY_VALUE));
            }
        }
        let texts = [("$filter", &self.filter), ("$search", &self.search)];
        for (name, value) in texts {
            if let Some(value) = value {
                let out = query.begin_option(name);
                out.extend(utf8_percent_encode(value, QUERY_VALUE));
            }
        }
        let numbers = [("$top", self.top), ("$skip", self.skip)];
        for (name, value) in numbers {
            if let Some(value) = value {
                query.begin_option(name).push_str(&value.to_string());
            }
        }
        if let Some(count) = self.count {
            query
                .begin_option("$count")
                .push_str(if count { "true" } else { "false" });
        }
    }
}

/// Writes `name=value` pairs joined by `&`.
struct QueryWriter<'a> {
    out: &'a mut String,
    options: usize,
}

impl QueryWriter<'_> {
    /// Writes `&name=` (no `&` before the first option) and returns where the
    /// value goes.
    fn begin_option(&mut self, name: &str) -> &mut String {
        if self.options > 0 {
            self.out.push('&');
        }
        self.options += 1;
        self.out.push_str(name);
        self.out.push('=');
        self.out
    }
}
