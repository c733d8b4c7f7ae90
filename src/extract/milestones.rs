//! (stub, to be written)

use super::outline::Outline;
use super::Context;
use crate::ingest::Document;
use crate::model::DocumentStatus;

/// Reads this part of the document's status into `status`.
pub fn read(
    outline: &Outline,
    document: &Document,
    context: &Context,
    status: &mut DocumentStatus,
) {
    let _ = (outline, document, context, status);
}
