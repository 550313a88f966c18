//! How each language writes numbers and dates: the digits as written, the decimal sign and
//! the grouping of thousands by language, whole people worked out on the written digits.

use super::Words;
use crate::model::Decimal;

impl Words {
    /// A number as written, in this language's notation ("26.1", "26,1"; a true minus sign).
    /// The digits are never changed: only the decimal sign follows the language.
    pub fn number(self, written: &str) -> String {
        let decimal = self.lang.notation().decimal;
        let (sign, rest) = match written.strip_prefix('-') {
            Some(rest) => ("\u{2212}", rest),
            None => ("", written),
        };
        let rest = if decimal == '.' {
            rest.to_string()
        } else {
            rest.replace('.', &decimal.to_string())
        };
        format!("{sign}{rest}")
    }

    pub fn decimal(self, d: &Decimal) -> String {
        self.number(d.as_str())
    }

    /// "26.1%" ("26,1 %" in Spanish): a rate as written.
    pub fn percent(self, written: &str) -> String {
        format!("{}{}", self.number(written), self.lang.notation().percent)
    }

    /// "26–35%": a range of rates as written.
    pub fn percent_range(self, low: &str, high: &str) -> String {
        format!(
            "{}–{}{}",
            self.number(low),
            self.number(high),
            self.lang.notation().percent
        )
    }

    /// "200000" → "200,000", "10554.25" → "10,554.25" (Spanish: "200 000", "10 554,25",
    /// "1522"): separators only, digits as written.
    pub fn grouped(self, number: &str) -> String {
        let notation = self.lang.notation();
        let (whole, fraction) = match number.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (number, None),
        };
        let digits: Vec<char> = whole.chars().collect();
        let grouping = digits.iter().filter(|c| c.is_ascii_digit()).count() >= notation.group_from;
        let mut out = String::with_capacity(number.len() + digits.len() / 3);
        for (i, ch) in digits.iter().enumerate() {
            let left = digits.len() - i;
            if grouping
                && i > 0
                && left % 3 == 0
                && ch.is_ascii_digit()
                && digits[i - 1].is_ascii_digit()
            {
                out.push(notation.group);
            }
            out.push(*ch);
        }
        if let Some(f) = fraction {
            out.push(notation.decimal);
            out.push_str(f);
        }
        out
    }

    /// "about 26 in 100" for a rate written "26.1": whole people, for readers who do not read
    /// percentages, always shown beside the rate as written. "26 in 100" where no rounding was
    /// needed; "fewer than 1 in 10" and "nearly 10 in 10" at the ends, so 0 and all are never
    /// said of a group that was neither.
    pub fn people_in(self, written: &str, out_of: u32) -> String {
        let t = self.t();
        let d = out_of.to_string();
        let Some(share) = Share::of(written, out_of) else {
            return self.fill(t.people_unknown, &[("d", &d)]);
        };
        let n = share.rounded.to_string();
        let template = if share.rounded == 0 && !share.zero {
            t.people_fewer_than_one
        } else if u64::from(out_of) == share.rounded && !share.exact {
            t.people_nearly_all
        } else if share.exact {
            t.people_exactly
        } else {
            t.people_about
        };
        self.fill(template, &[("n", &n), ("d", &d)])
    }

    /// A date written YYYY-MM-DD, as readers of this language write it ("2026-11-30",
    /// "30 de noviembre de 2026"); anything else as it is.
    pub fn date(self, iso: &str) -> String {
        let t = self.t();
        let parts: Vec<&str> = iso.split('-').collect();
        let (Some(year), Some(month), Some(day)) = (
            parts.first().filter(|y| y.len() == 4),
            parts.get(1).and_then(|m| m.parse::<usize>().ok()),
            parts.get(2).and_then(|d| d.parse::<u8>().ok()),
        ) else {
            return iso.to_string();
        };
        let Some(month_name) = t.months.split(' ').nth(month.wrapping_sub(1)) else {
            return iso.to_string();
        };
        if parts.len() != 3 {
            return iso.to_string();
        }
        self.fill(
            t.date_format,
            &[
                ("iso", iso),
                ("year", year),
                ("month", month_name),
                ("day", &day.to_string()),
            ],
        )
    }
}

/// A written rate as whole people out of a denominator, worked out on the written digits (so
/// 29.3 of 100 is exactly 29.3, never 29.299999).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Share {
    /// Rounded half up to whole people.
    pub rounded: u64,
    /// No rounding was needed.
    pub exact: bool,
    /// The rate is zero.
    pub zero: bool,
}

impl Share {
    /// `None` for text that is not a plain decimal number (exponents, signs, words).
    pub fn of(written: &str, out_of: u32) -> Option<Share> {
        let (whole, fraction) = written.split_once('.').unwrap_or((written, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) || fraction.len() > 12 {
            return None;
        }
        let mantissa: u128 = format!("{whole}{fraction}").parse().ok()?;
        // share = mantissa / 10^scale / 100 × out_of
        let numerator = mantissa.checked_mul(u128::from(out_of))?;
        let denominator = 100u128.checked_mul(10u128.checked_pow(fraction.len() as u32)?)?;
        let rounded = (numerator * 2 + denominator) / (denominator * 2);
        Some(Share {
            rounded: u64::try_from(rounded).ok()?,
            exact: numerator % denominator == 0,
            zero: mantissa == 0,
        })
    }
}
