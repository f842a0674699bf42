use graph_core::graph_endpoint;

graph_endpoint! {
    pub TextBefore {
        method: GET,
        path: "/me/drive/root:/folder{+path}:/content",
    }

    pub TextAfter {
        method: GET,
        path: "/me/drive/root:/{+path}.docx:/content",
    }

    pub InFunction {
        method: GET,
        path: "/sites/getByPath(path={+path})",
    }

    pub OtherOperator {
        method: GET,
        path: "/me/drive/root:/{/path}:/content",
    }

    pub SameNameTwice {
        method: GET,
        path: "/drives/{path}/root:/{+path}:/children",
    }
}

fn main() {}
