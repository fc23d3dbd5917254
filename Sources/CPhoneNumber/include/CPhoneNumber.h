#ifndef CASEBOOK_CPHONENUMBER_H
#define CASEBOOK_CPHONENUMBER_H
// A plain C face for libphonenumber (C++), so that Swift can call it without C++ interoperability.
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What `casebook_phone_normalize` concluded. Non-negative values filled `result`.
enum {
    /// A number libphonenumber's metadata knows as assigned in its region.
    CASEBOOK_PHONE_VALID = 0,
    /// A number of plausible length for its country that the metadata does not list (fictional 555 numbers,
    /// new ranges).
    CASEBOOK_PHONE_POSSIBLE = 1,
    /// The text is not a phone number at all.
    CASEBOOK_PHONE_NOT_A_NUMBER = -1,
    /// No country code in the text and no usable region to read a national number with.
    CASEBOOK_PHONE_NO_COUNTRY = -2,
    /// Too few digits for the country.
    CASEBOOK_PHONE_TOO_SHORT = -3,
    /// Too many digits for any country.
    CASEBOOK_PHONE_TOO_LONG = -4,
    /// Parsed, but of no possible length for its country.
    CASEBOOK_PHONE_IMPOSSIBLE = -5,
    /// Empty input or an internal failure.
    CASEBOOK_PHONE_FAILED = -6,
};

/// The normalized number; every field is NUL-terminated.
typedef struct casebook_phone_result {
    /// E.164, such as `+4915123456789`.
    char e164[40];
    /// ISO 3166 alpha-2 region of the number (`DE`), or the main region of its country code when the number is
    /// not valid (`US` for +1), or `ZZ`.
    char region[8];
    /// The extension, when the text had one (`ext. 12`); empty otherwise.
    char extension[24];
    /// 1 when the text carried its own country code (`+49`, or an international prefix such as `00` or `011`
    /// read with the given region); 0 when the country came from the given region.
    int countryCodeFromNumber;
} casebook_phone_result;

/// Parses `raw` (UTF-8) with `region` (ISO 3166 alpha-2, or "ZZ" when unknown) as the region for national numbers.
/// Returns one of the `CASEBOOK_PHONE_*` codes; `result` is filled only when the code is non-negative.
int casebook_phone_normalize(const char *raw, const char *region, casebook_phone_result *result);

/// 1 when libphonenumber knows `region` (ISO 3166 alpha-2, upper case), else 0.
int casebook_phone_region_is_supported(const char *region);

#ifdef __cplusplus
}
#endif
#endif
