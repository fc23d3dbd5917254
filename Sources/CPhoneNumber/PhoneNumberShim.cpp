// Implements CPhoneNumber.h over libphonenumber. Exceptions never cross into Swift.
#include "CPhoneNumber.h"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <cstring>
#include <string>

using i18n::phonenumbers::NullLogger;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

// The utility is a thread-safe singleton; silence its logger once, before first use.
PhoneNumberUtil *sharedUtility() {
    static PhoneNumberUtil *utility = [] {
        PhoneNumberUtil *instance = PhoneNumberUtil::GetInstance();
        instance->SetLogger(new NullLogger());
        return instance;
    }();
    return utility;
}

void copyText(const std::string &text, char *destination, size_t capacity) {
    size_t length = text.size() < capacity - 1 ? text.size() : capacity - 1;
    std::memcpy(destination, text.data(), length);
    destination[length] = '\0';
}

int statusForParseError(PhoneNumberUtil::ErrorType error) {
    switch (error) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        return CASEBOOK_PHONE_NO_COUNTRY;
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
        return CASEBOOK_PHONE_TOO_SHORT;
    case PhoneNumberUtil::TOO_LONG_NSN:
        return CASEBOOK_PHONE_TOO_LONG;
    default:
        return CASEBOOK_PHONE_NOT_A_NUMBER;
    }
}

}  // namespace

extern "C" int casebook_phone_normalize(const char *raw, const char *region, casebook_phone_result *result) {
    if (raw == nullptr || result == nullptr || raw[0] == '\0') {
        return CASEBOOK_PHONE_FAILED;
    }
    try {
        PhoneNumberUtil *utility = sharedUtility();
        PhoneNumber number;
        const std::string regionCode = region != nullptr && region[0] != '\0' ? region : "ZZ";
        PhoneNumberUtil::ErrorType error = utility->ParseAndKeepRawInput(raw, regionCode, &number);
        if (error != PhoneNumberUtil::NO_PARSING_ERROR) {
            return statusForParseError(error);
        }
        const bool valid = utility->IsValidNumber(number);
        if (!valid && !utility->IsPossibleNumber(number)) {
            return CASEBOOK_PHONE_IMPOSSIBLE;
        }
        std::string formatted;
        utility->Format(number, PhoneNumberUtil::E164, &formatted);
        std::string numberRegion;
        utility->GetRegionCodeForNumber(number, &numberRegion);
        if (numberRegion.empty() || numberRegion == "ZZ") {
            utility->GetRegionCodeForCountryCode(number.country_code(), &numberRegion);
        }
        copyText(formatted, result->e164, sizeof result->e164);
        copyText(numberRegion, result->region, sizeof result->region);
        copyText(number.has_extension() ? number.extension() : std::string(), result->extension,
                 sizeof result->extension);
        result->countryCodeFromNumber =
            number.country_code_source() != PhoneNumber::FROM_DEFAULT_COUNTRY ? 1 : 0;
        return valid ? CASEBOOK_PHONE_VALID : CASEBOOK_PHONE_POSSIBLE;
    } catch (...) {
        return CASEBOOK_PHONE_FAILED;
    }
}

extern "C" int casebook_phone_region_is_supported(const char *region) {
    if (region == nullptr) {
        return 0;
    }
    try {
        return sharedUtility()->GetCountryCodeForRegion(region) != 0 ? 1 : 0;
    } catch (...) {
        return 0;
    }
}
