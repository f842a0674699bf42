use graph_core::graph_endpoint;

graph_endpoint! {
    pub DeclaredNotInPath {
        method: GET,
        path: "/reports/getEmailActivityUserDetail(period={period})",
        parameters: { period: String, date: graph_core::Date },
    }

    pub InPathNotDeclared {
        method: GET,
        path: "/me/reminderView(StartDateTime={startDateTime},EndDateTime={endDateTime})",
        parameters: { start_date_time: String },
    }

    pub NoParametersKey {
        method: GET,
        path: "/reports/getEmailActivityUserDetail(period={period})",
    }

    pub CamelCaseDeclaration {
        method: GET,
        path: "/me/reminderView(StartDateTime={startDateTime})",
        parameters: { startDateTime: String },
    }

    pub Misspelled {
        method: GET,
        path: "/reports/getEmailActivityUserDetail(period={period})",
        parameters: { period: String, perod: String },
    }

    pub PathParameterTyped {
        method: GET,
        path: "/users/{userId}/delta()",
        parameters: { user_id: String },
    }

    pub DeclaredTwice {
        method: GET,
        path: "/reports/getEmailActivityUserDetail(period={period})",
        parameters: { period: String, period: String },
    }

    pub SameNameTwice {
        method: GET,
        path: "/groups/{id}/f(id={id})",
        parameters: { id: String },
    }

    pub Unclosed {
        method: GET,
        path: "/reports/getEmailActivityUserDetail(period={period}",
        parameters: { period: String },
    }

    pub Unopened {
        method: GET,
        path: "/reports/getEmailActivityUserDetail)",
    }

    pub UnclosedQuote {
        method: GET,
        path: "/reports/getOffice365ActiveUserCounts(period='D7)",
    }

    pub QuotedParameter {
        method: GET,
        path: "/reports/getEmailActivityUserDetail(period='{period}')",
        parameters: { period: String },
    }

    pub Positional {
        method: GET,
        path: "/reports/getEmailActivityUserDetail({period})",
        parameters: { period: String },
    }

    pub TextAfterCall {
        method: GET,
        path: "/workbook/worksheets/{id}/range(address={address})format",
        parameters: { address: String },
    }

    pub NotBraced {
        method: GET,
        path: "/reports/getEmailActivityUserDetail(period={period})",
        parameters: period: String,
    }
}

fn main() {}
