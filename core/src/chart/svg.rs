//! The widget's own plotters drawing backend: it writes exactly the SVG the widget needs, so
//! nothing is patched afterwards. Font sizes are CSS pixels; every colour comes from the `Ink`
//! palette and carries the theme class the widget's CSS repaints it with (dark, high contrast,
//! the host's own colours), with the colour itself kept for places without that CSS (exports);
//! text is escaped for XML; a picture can be marked decorative or nested at a position.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use std::fmt::Write;
use thiserror::Error;

#[derive(Debug, Error)]
#[error("the chart could not be drawn: {0}")]
pub struct ChartError(String);

impl ChartError {
    /// A drawing call that failed (only a bug can cause one: writing to a string cannot fail).
    pub fn from_drawing<E: std::fmt::Debug>(e: &E) -> ChartError {
        ChartError(format!("{e:?}"))
    }
}

pub(super) fn err<E: std::fmt::Debug>(e: E) -> ChartError {
    ChartError::from_drawing(&e)
}

/// The colours a chart is drawn with. Each meets WCAG contrast on white (text ≥ 4.5:1, marks
/// ≥ 3:1) and has a theme class, so the live view repaints it for the reader's theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ink {
    Text,
    Muted,
    /// The option's bars.
    Mark,
    /// A control group's outline (sham, placebo, usual care) and the invasiveness steps.
    Mark2,
    /// The outline of a group given another treatment (drawn dashed).
    Other,
    /// The outline of other people given the same treatment, compared as a subgroup, not
    /// randomized (drawn dotted).
    Subgroup,
    Grid,
    Flag,
    /// Empty icons in an icon array.
    Empty,
    /// The background, and text written on a mark (white, told apart by the element).
    White,
}

impl Ink {
    const ALL: [Ink; 10] = [
        Ink::Text,
        Ink::Muted,
        Ink::Mark,
        Ink::Mark2,
        Ink::Other,
        Ink::Subgroup,
        Ink::Grid,
        Ink::Flag,
        Ink::Empty,
        Ink::White,
    ];

    pub const fn rgb(self) -> (u8, u8, u8) {
        match self {
            Ink::Text => (0x1a, 0x1a, 0x1a),
            Ink::Muted => (0x55, 0x55, 0x55),
            Ink::Mark => (0x1d, 0x4e, 0x89),
            Ink::Mark2 => (0x59, 0x59, 0x59),
            Ink::Other => (0x5a, 0x5a, 0x5a),
            Ink::Subgroup => (0x5b, 0x5b, 0x5b),
            Ink::Grid => (0xdd, 0xdd, 0xdd),
            Ink::Flag => (0x7a, 0x4a, 0x00),
            Ink::Empty => (0x8a, 0x8f, 0x98),
            Ink::White => (0xff, 0xff, 0xff),
        }
    }

    /// The plotters colour, for drawing calls.
    pub const fn color(self) -> RGBColor {
        let (r, g, b) = self.rgb();
        RGBColor(r, g, b)
    }

    /// The theme class's name after `trd-c-` (fill) or `trd-s-` (stroke).
    pub(super) fn class(self, on_text: bool) -> &'static str {
        match self {
            Ink::Text => "text",
            Ink::Muted => "muted",
            Ink::Mark => "mark",
            Ink::Mark2 => "mark2",
            Ink::Other => "other",
            Ink::Subgroup => "subgroup",
            Ink::Grid => "grid",
            Ink::Flag => "flag",
            Ink::Empty => "empty",
            Ink::White if on_text => "onmark",
            Ink::White => "bg",
        }
    }

    fn of(color: BackendColor) -> Option<Ink> {
        Ink::ALL.into_iter().find(|ink| ink.rgb() == color.rgb)
    }
}

/// How a picture sits in the page.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SvgOptions<'a> {
    /// Nested inside another SVG at this position (exports), instead of a document of its own.
    pub at: Option<(i32, i32)>,
    /// Hidden from screen readers, because the same figures are in the page as text.
    pub decorative: bool,
    /// The picture's accessible name, for a standalone picture.
    pub title: Option<&'a str>,
    /// How the picture takes the space it is given.
    pub fit: Fit,
}

/// How a picture's size follows its box.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Fit {
    /// Exactly its own size in CSS pixels (charts with text, drawn at their real width).
    #[default]
    Fixed,
    /// As wide as its box, keeping its shape (icon arrays).
    Scale,
    /// As wide as its box at its own height, stretched sideways (bars without text, on a
    /// 0–100% scale); outlines keep their width.
    Stretch,
}

impl SvgOptions<'_> {
    /// A picture in the live view, whose figures the page also gives as text.
    pub const DECORATIVE: SvgOptions<'static> = SvgOptions {
        at: None,
        decorative: true,
        title: None,
        fit: Fit::Fixed,
    };
}

/// An SVG picture `width` × `height` on the background, with `paint` drawing into it.
pub fn svg_picture(
    (width, height): (i32, i32),
    options: SvgOptions,
    paint: impl FnOnce(&DrawingArea<SvgCanvas, Shift>) -> Result<(), ChartError>,
) -> Result<String, ChartError> {
    let (width, height) = (width.max(1) as u32, height.max(1) as u32);
    let mut out = String::with_capacity(2048);
    match options.at {
        Some((x, y)) => {
            let _ = write!(
                out,
                r#"<svg x="{x}" y="{y}" width="{width}" height="{height}" viewBox="0 0 {width} {height}">"#
            );
        }
        None => {
            let size = match options.fit {
                Fit::Fixed => format!(r#" width="{width}" height="{height}""#),
                Fit::Scale => String::new(),
                Fit::Stretch => {
                    format!(r#" width="100%" height="{height}" preserveAspectRatio="none""#)
                }
            };
            let _ = write!(
                out,
                r#"<svg xmlns="http://www.w3.org/2000/svg"{size} viewBox="0 0 {width} {height}""#
            );
            if options.decorative {
                out.push_str(r#" aria-hidden="true" focusable="false""#);
            } else if options.title.is_some() {
                out.push_str(r#" role="img""#);
            }
            out.push('>');
            if let Some(title) = options.title {
                let _ = write!(out, "<title>{}</title>", xml_escape(title));
            }
        }
    }
    {
        let root = SvgCanvas {
            out: &mut out,
            size: (width, height),
            keep_strokes: options.fit != Fit::Fixed,
        }
        .into_drawing_area();
        root.fill(&Ink::White.color()).map_err(err)?;
        paint(&root)?;
        root.present().map_err(err)?;
    }
    out.push_str("</svg>");
    Ok(out)
}

/// Writes plotters' drawing calls as SVG elements into a string.
pub struct SvgCanvas<'a> {
    out: &'a mut String,
    size: (u32, u32),
    /// Outlines keep their width when the picture is scaled.
    keep_strokes: bool,
}

impl SvgCanvas<'_> {
    /// ` class="trd-c-mark" fill="#1D4E89"` for a fill, or the stroke equivalent.
    fn paint(&mut self, color: BackendColor, stroke: bool, on_text: bool) {
        let (prefix, attribute) = if stroke {
            ("s", "stroke")
        } else {
            ("c", "fill")
        };
        if let Some(ink) = Ink::of(color) {
            let _ = write!(self.out, r#" class="trd-{prefix}-{}""#, ink.class(on_text));
        }
        let (r, g, b) = color.rgb;
        let _ = write!(self.out, r##" {attribute}="#{r:02X}{g:02X}{b:02X}""##);
        if stroke && self.keep_strokes {
            self.out.push_str(r#" vector-effect="non-scaling-stroke""#);
        }
        match Ink::of(color) {
            // Another treatment's group: a dashed outline, never read as a control group.
            Some(Ink::Other) if stroke => self.out.push_str(r#" stroke-dasharray="6 3""#),
            // Other people given the same treatment: dotted, neither a control nor a treatment.
            Some(Ink::Subgroup) if stroke => self.out.push_str(r#" stroke-dasharray="2 2""#),
            _ => {}
        }
        if color.alpha < 1.0 {
            // Integer arithmetic: formatting an f64 would add float printing to the wasm.
            let permille = (color.alpha.clamp(0.0, 1.0) * 1000.0).round() as u32;
            let _ = write!(self.out, r#" opacity="0.{permille:03}""#);
        }
    }
}

impl SvgCanvas<'_> {
    /// ` points="x,y x,y"/>`: the rest of a polyline or polygon.
    fn points(&mut self, points: impl IntoIterator<Item = BackendCoord>) {
        self.out.push_str(r#" points=""#);
        for (i, (x, y)) in points.into_iter().enumerate() {
            let _ = write!(self.out, "{}{x},{y}", if i > 0 { " " } else { "" });
        }
        self.out.push_str(r#""/>"#);
    }
}

type Drawn = Result<(), DrawingErrorKind<std::fmt::Error>>;

impl DrawingBackend for SvgCanvas<'_> {
    type ErrorType = std::fmt::Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Drawn {
        self.draw_rect((x, y), (x + 1, y + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str("<rect");
        self.paint(color, !fill, false);
        let _ = write!(
            self.out,
            r#" x="{x0}" y="{y0}" width="{}" height="{}""#,
            x1 - x0,
            y1 - y0
        );
        if !fill {
            self.out.push_str(r#" fill="none""#);
            if style.stroke_width() > 1 {
                let _ = write!(self.out, r#" stroke-width="{}""#, style.stroke_width());
            }
        }
        self.out.push_str("/>");
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str("<polyline");
        self.paint(color, true, false);
        let _ = write!(
            self.out,
            r#" fill="none" stroke-width="{}""#,
            style.stroke_width()
        );
        self.points(path);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        self.out.push_str("<circle");
        self.paint(style.color(), !fill, false);
        let _ = write!(self.out, r#" cx="{x}" cy="{y}" r="{radius}""#);
        if !fill {
            self.out.push_str(r#" fill="none""#);
        }
        self.out.push_str("/>");
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Drawn {
        self.out.push_str("<polygon");
        self.paint(style.color(), false, false);
        self.points(vertices);
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        (x, y): BackendCoord,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        self.out.push_str("<text");
        self.paint(color, false, true);
        // The size is whole CSS pixels (written as an integer, so no float printing is needed);
        // the family is the fallback for exports (the widget's CSS sets the host's font).
        let _ = write!(
            self.out,
            r#" x="{x}" y="{y}" dy="{dy}" text-anchor="{anchor}" font-family="{}" font-size="{}">"#,
            xml_escape(style.family().as_str()),
            style.size().round() as i32
        );
        self.out.push_str(&xml_escape(text));
        self.out.push_str("</text>");
        Ok(())
    }

    /// The same font-independent estimate the layout uses, so nothing asks the browser to
    /// measure text (which would add elements to the host page).
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<std::fmt::Error>> {
        let width = super::text::text_width(text, style.size()).max(0) as u32;
        Ok((width, style.size().ceil() as u32))
    }
}

/// Escapes text for XML content and attribute values: the one escaper for every string that
/// enters a picture, on screen and in exports. The characters a data file may not hold
/// (`json_path::is_unsafe_char`: controls, bidirectional overrides, noncharacters; the
/// checker refuses them, this is the second line) become spaces, so a picture made from any
/// string is well-formed XML and no label reverses the text after it.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Isolates (U+2066–2068, as `Words::fill` writes them) are kept when closed (U+2069) within
    // the string, and closed at its end otherwise, so a label never reorders the next one.
    let mut open_isolates = 0usize;
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(ch),
            '\u{2066}'..='\u{2068}' => {
                open_isolates += 1;
                out.push(ch);
            }
            '\u{2069}' if open_isolates > 0 => {
                open_isolates -= 1;
                out.push(ch);
            }
            c if crate::json_path::is_unsafe_char(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out.extend(std::iter::repeat_n('\u{2069}', open_isolates));
    out
}
