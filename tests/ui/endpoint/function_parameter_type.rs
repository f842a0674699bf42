use graph_core::graph_endpoint;

/// A type of the user's own, without `graph_core::UrlLiteral`.
pub struct Period(pub u16);

graph_endpoint! {
    pub GetEmailActivityUserDetail {
        method: GET,
        path: "/reports/getEmailActivityUserDetail(period={period})",
        parameters: { period: Period },
    }
}

fn main() {}
