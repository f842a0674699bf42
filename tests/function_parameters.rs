use graph_core::{graph_endpoint, Date, Endpoint, JsonValue};

graph_endpoint! {
    pub GetEmailActivityUserDetail {
        method: GET,
        path: "/reports/getEmailActivityUserDetail(period={period})",
        parameters: { period: String },
        response: JsonValue,
    }
    pub GetRange {
        method: GET,
        path: "/drives/{driveId}/items/{itemId}/workbook/worksheets/{worksheetId}/range(address={address})",
        parameters: { address: String },
        response: JsonValue,
    }
    pub ByDate {
        method: GET,
        path: "/reports/getEmailActivityUserDetail(date={date})",
        parameters: { date: Date },
        response: JsonValue,
    }
    pub Content {
        method: GET,
        path: "/me/drive/root:/{+path}:/content",
    }
}

#[test]
fn smoke() {
    let r = GetEmailActivityUserDetail::new("D7")
        .to_request("https://graph.microsoft.com/v1.0", "t")
        .unwrap();
    println!("{}", r.uri());
    let r = GetRange::new("d", "i", "w", "A1:B2")
        .to_request("https://graph.microsoft.com/v1.0", "t")
        .unwrap();
    println!("{}", r.uri());
    let r = ByDate::new("2017-09-01".parse::<Date>().unwrap())
        .to_request("https://graph.microsoft.com/v1.0", "t")
        .unwrap();
    println!("{}", r.uri());
    let r = Content::new("a b/c#d.txt")
        .to_request("https://graph.microsoft.com/v1.0", "t")
        .unwrap();
    println!("{}", r.uri());
}
