//! The retry policy (`graph_core::retry`) and `Retry-After` in both HTTP forms.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use graph_core::http::{HeaderMap, HeaderValue, Method, StatusCode};
use graph_core::retry::{Attempt, Decision, Outcome, RetryPolicy, StopReason};
use graph_core::RetryAfter;
use proptest::prelude::*;

/// 2015-10-21T07:28:00Z, the date of RFC 9110's example.
fn october_21() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_445_412_480)
}

fn headers(retry_after: Option<&str>) -> HeaderMap {
    let mut headers = HeaderMap::new();
    if let Some(value) = retry_after {
        headers.insert("retry-after", HeaderValue::from_str(value).unwrap());
    }
    headers
}

/// The decision after send `number` of a GET answered `status`.
fn decide_status(
    policy: &RetryPolicy,
    number: u32,
    method: &Method,
    status: u16,
    retry_after: Option<&str>,
) -> Decision {
    let headers = headers(retry_after);
    policy.decide(&Attempt {
        number,
        method,
        outcome: Outcome::Response {
            status: StatusCode::from_u16(status).unwrap(),
            headers: &headers,
        },
        elapsed: Duration::from_secs(1),
        now: october_21(),
        random: 0.0,
    })
}

fn retry(seconds: f64) -> Decision {
    Decision::Retry(Duration::from_secs_f64(seconds))
}

#[test]
fn retry_after_reads_seconds_decimals_and_each_http_date_format() {
    let ms = Duration::from_millis;
    assert_eq!(RetryAfter::parse("7"), Some(RetryAfter::Delay(ms(7000))));
    assert_eq!(
        RetryAfter::parse(" 0.249 "),
        Some(RetryAfter::Delay(ms(249)))
    );
    assert_eq!(RetryAfter::parse("2.5"), Some(RetryAfter::Delay(ms(2500))));
    // Digits past the nanosecond are dropped, not rounded into an overflow.
    assert_eq!(
        RetryAfter::parse("1.9999999999"),
        Some(RetryAfter::Delay(Duration::new(1, 999_999_999)))
    );
    // IMF-fixdate, the obsolete RFC 850 form and asctime: HTTP requires all three.
    for date in [
        "Wed, 21 Oct 2015 07:28:00 GMT",
        "Wednesday, 21-Oct-15 07:28:00 GMT",
        "Wed Oct 21 07:28:00 2015",
    ] {
        assert_eq!(
            RetryAfter::parse(date),
            Some(RetryAfter::Date(october_21())),
            "{date}"
        );
    }
    for unreadable in [
        "-1",
        "1.",
        ".5",
        "1.2.3",
        "soon",
        "0x10",
        "18446744073709551616",
    ] {
        assert_eq!(
            RetryAfter::parse(unreadable),
            Some(RetryAfter::Unreadable(unreadable.into())),
            "{unreadable}"
        );
    }
    assert_eq!(RetryAfter::parse("  "), None);
}

#[test]
fn retry_after_gives_the_wait_from_now_and_displays_as_received() {
    let date = RetryAfter::Date(october_21());
    let before = october_21() - Duration::from_secs(90);
    assert_eq!(date.delay_from(before), Some(Duration::from_secs(90)));
    // A date in the past means: now.
    let after = october_21() + Duration::from_secs(5);
    assert_eq!(date.delay_from(after), Some(Duration::ZERO));
    assert_eq!(date.to_string(), "Wed, 21 Oct 2015 07:28:00 GMT");
    assert_eq!(RetryAfter::parse("0.249").unwrap().to_string(), "0.249 s");
    assert_eq!(RetryAfter::parse("7").unwrap().to_string(), "7 s");
    assert_eq!(
        RetryAfter::Unreadable("soon".into()).delay_from(after),
        None
    );
}

#[test]
fn throttled_and_unavailable_answers_wait_as_retry_after_says() {
    let policy = RetryPolicy::default();
    let get = Method::GET;
    assert_eq!(decide_status(&policy, 1, &get, 429, Some("7")), retry(7.0));
    assert_eq!(
        decide_status(&policy, 1, &get, 429, Some("0.249")),
        retry(0.249)
    );
    let date = "Wed, 21 Oct 2015 07:28:30 GMT"; // 30 s after `now`
    assert_eq!(
        decide_status(&policy, 1, &get, 429, Some(date)),
        retry(30.0)
    );
    assert_eq!(decide_status(&policy, 2, &get, 503, Some("2")), retry(2.0));
    assert_eq!(decide_status(&policy, 1, &get, 504, Some("1")), retry(1.0));
    // Graph did not run a throttled POST: sending it again is safe.
    assert_eq!(
        decide_status(&policy, 1, &Method::POST, 429, Some("1")),
        retry(1.0)
    );
    assert_eq!(
        decide_status(&policy, 1, &Method::POST, 503, None),
        retry(3.0)
    );
}

#[test]
fn without_retry_after_the_wait_doubles_with_jitter_up_to_the_cap() {
    let policy = RetryPolicy::default();
    let waits: Vec<Decision> = (1..=5)
        .map(|number| decide_status(&policy, number, &Method::GET, 503, None))
        .collect();
    assert_eq!(
        waits,
        [
            retry(3.0),
            retry(6.0),
            retry(12.0),
            retry(24.0),
            retry(48.0)
        ]
    );
    // An unreadable value is as good as none.
    assert_eq!(
        decide_status(&policy, 2, &Method::GET, 429, Some("soon")),
        retry(6.0)
    );

    let headers = HeaderMap::new();
    let with_random = |number, random| {
        policy.decide(&Attempt {
            number,
            method: &Method::GET,
            outcome: Outcome::Response {
                status: StatusCode::TOO_MANY_REQUESTS,
                headers: &headers,
            },
            elapsed: Duration::ZERO,
            now: october_21(),
            random,
        })
    };
    assert_eq!(with_random(1, 0.5), retry(3.75));
    assert_eq!(with_random(2, 1.0), retry(9.0));
    // Out-of-range randomness cannot stretch the wait.
    assert_eq!(with_random(1, f64::NAN), retry(3.0));
    assert_eq!(with_random(1, 7.0), retry(4.5));
    let capped = RetryPolicy::default()
        .max_retries(40)
        .max_elapsed(Duration::MAX);
    assert_eq!(
        decide_status(&capped, 8, &Method::GET, 503, None),
        retry(180.0)
    );
    assert_eq!(
        decide_status(&capped, 40, &Method::GET, 503, None),
        retry(180.0)
    );
}

#[test]
fn other_answers_are_final() {
    let policy = RetryPolicy::default();
    for status in [
        200, 201, 204, 302, 400, 401, 403, 404, 408, 409, 412, 424, 500, 502,
    ] {
        assert_eq!(
            decide_status(&policy, 1, &Method::GET, status, Some("1")),
            Decision::Stop(StopReason::Final),
            "{status}"
        );
    }
    // After a gateway timeout a POST may have been run: never send it twice.
    assert_eq!(
        decide_status(&policy, 1, &Method::POST, 504, Some("1")),
        Decision::Stop(StopReason::Final)
    );
    assert_eq!(
        decide_status(&policy, 1, &Method::PATCH, 504, None),
        Decision::Stop(StopReason::Final)
    );
}

#[test]
fn transport_errors_are_retried_only_when_sending_again_is_safe() {
    let policy = RetryPolicy::default();
    let decide = |method: &Method, request_sent| {
        policy.decide(&Attempt {
            number: 1,
            method,
            outcome: Outcome::TransportError { request_sent },
            elapsed: Duration::ZERO,
            now: october_21(),
            random: 0.0,
        })
    };
    assert_eq!(decide(&Method::GET, true), retry(3.0));
    assert_eq!(decide(&Method::DELETE, true), retry(3.0));
    assert_eq!(
        decide(&Method::POST, true),
        Decision::Stop(StopReason::Final)
    );
    assert_eq!(decide(&Method::POST, false), retry(3.0));
}

#[test]
fn retries_attempts_waits_and_total_time_are_capped() {
    let policy = RetryPolicy::default().max_retries(2);
    assert_eq!(
        decide_status(&policy, 2, &Method::GET, 429, Some("1")),
        retry(1.0)
    );
    assert_eq!(
        decide_status(&policy, 3, &Method::GET, 429, Some("1")),
        Decision::Stop(StopReason::RetriesUsedUp)
    );
    assert_eq!(
        decide_status(&RetryPolicy::never(), 1, &Method::GET, 429, Some("1")),
        Decision::Stop(StopReason::RetriesUsedUp)
    );

    // Sending before the server asked only prolongs the throttling.
    let policy = RetryPolicy::default();
    assert_eq!(
        decide_status(&policy, 1, &Method::GET, 429, Some("180")),
        retry(180.0)
    );
    assert_eq!(
        decide_status(&policy, 1, &Method::GET, 429, Some("180.5")),
        Decision::Stop(StopReason::WaitTooLong)
    );

    let headers = headers(Some("30"));
    let at = |elapsed| {
        RetryPolicy::default()
            .max_elapsed(Duration::from_secs(60))
            .decide(&Attempt {
                number: 1,
                method: &Method::GET,
                outcome: Outcome::Response {
                    status: StatusCode::TOO_MANY_REQUESTS,
                    headers: &headers,
                },
                elapsed,
                now: october_21(),
                random: 0.0,
            })
    };
    assert_eq!(at(Duration::from_secs(30)), retry(30.0));
    assert_eq!(
        at(Duration::from_secs(31)),
        Decision::Stop(StopReason::OutOfTime)
    );
}

proptest! {
    #[test]
    fn any_retry_after_text_parses_without_panic(text in "\\PC{0,40}") {
        let _ = RetryAfter::parse(&text).map(|after| after.to_string());
    }

    #[test]
    fn delay_seconds_with_decimals_read_back_exactly(seconds in 0u64..1_000_000_000, nanos in 0u32..1_000_000_000) {
        let delay = Duration::new(seconds, nanos);
        let text = RetryAfter::Delay(delay).to_string();
        let number = text.strip_suffix(" s").unwrap();
        prop_assert_eq!(RetryAfter::parse(number), Some(RetryAfter::Delay(delay)));
    }

    #[test]
    fn no_decision_waits_longer_than_the_cap(number in 0u32..100, random in any::<f64>(), status in 100u16..600) {
        let headers = HeaderMap::new();
        let decision = RetryPolicy::default().decide(&Attempt {
            number,
            method: &Method::GET,
            outcome: Outcome::Response { status: StatusCode::from_u16(status).unwrap(), headers: &headers },
            elapsed: Duration::ZERO,
            now: october_21(),
            random,
        });
        if let Decision::Retry(wait) = decision {
            prop_assert!(wait <= Duration::from_secs(180));
        }
    }
}
